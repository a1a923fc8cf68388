//! Text normalisation and fuzzy phrase matching for accessible names in any supported language.
//!
//! LinkedIn's wording changes slightly between regions and releases, so labels are compared after
//! folding case, diacritics, typographic punctuation and whitespace, and by word overlap.

/// Fold one character to its lower-case ASCII-ish base form, or `None` to drop it.
/// Covers the Latin letters used by the catalog languages; other scripts pass through lower-cased.
fn fold_char(c: char, out: &mut String) {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ś' | 'š' | 'ș' | 'ş' => "s",
        'ź' | 'ż' | 'ž' => "z",
        'ł' => "l",
        'ř' => "r",
        'ť' | 'ț' => "t",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        // Invisible format characters (soft hyphen, zero-width, bidi marks, BOM) carry no meaning: drop them.
        '\u{00AD}'
        | '\u{034F}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}' => return,
        // Apostrophes join elisions ("l'IA", "LinkedIn's") so that both spellings match.
        '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => return,
        c if c.is_alphanumeric() => {
            out.extend(c.to_lowercase());
            return;
        }
        // Everything else (punctuation, quotes, dashes, symbols, whitespace) separates words.
        _ => " ",
    };
    out.push_str(base);
}

/// Normalise text for comparison: lower case, no diacritics, punctuation as spaces, single spaces.
pub fn normalize(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        // Upper-case accented letters fold via their lower-case form first.
        for lower in c.to_lowercase() {
            fold_char(lower, &mut folded);
        }
    }
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words of an already normalised text.
pub fn words(normalized: &str) -> impl Iterator<Item = &str> {
    normalized.split(' ').filter(|w| !w.is_empty())
}

/// Cut `text` to at most `max_chars` characters (never splitting a character).
pub fn truncate_chars(text: &str, max_chars: usize) -> &str {
    match text.char_indices().nth(max_chars) {
        Some((byte_index, _)) => &text[..byte_index],
        None => text,
    }
}

/// A whole number as decimal text (without the formatting machinery `format!` adds to the module).
pub fn int_text(value: i64) -> String {
    let mut digits = Vec::new();
    let mut n = value.unsigned_abs();
    loop {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if value < 0 {
        digits.push(b'-');
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_text_writes_whole_numbers() {
        for n in [0i64, 7, -7, 10, 99, 1_764_000_000_000, i64::MIN, i64::MAX] {
            assert_eq!(int_text(n), n.to_string());
        }
    }

    #[test]
    fn folds_case_diacritics_quotes_and_spaces() {
        assert_eq!(
            normalize("  Données pour l’amélioration de l’IA   générative "),
            "donnees pour lamelioration de lia generative"
        );
        assert_eq!(
            normalize("„Daten zur Verbesserung generativer KI“"),
            "daten zur verbesserung generativer ki"
        );
        assert_eq!(normalize("Ad-related ACTIONS"), "ad related actions");
        assert_eq!(normalize("Straße"), "strasse");
        assert_eq!(normalize("ÄÖÜ"), "aou");
    }

    #[test]
    fn drops_invisible_characters() {
        assert_eq!(normalize("Gen\u{200B}der\u{202E}"), "gender");
        assert_eq!(normalize("\u{FEFF}Age\u{00A0}range"), "age range");
    }

    #[test]
    fn keeps_other_scripts() {
        assert_eq!(
            normalize("生成AIの改善のためのデータ"),
            "生成aiの改善のためのデータ"
        );
        assert_eq!(normalize("😀 Data 😀"), "data");
    }

    #[test]
    fn truncates_on_character_boundaries() {
        assert_eq!(truncate_chars("äöü", 2), "äö");
        assert_eq!(truncate_chars("abc", 10), "abc");
        assert_eq!(truncate_chars("", 0), "");
    }
}
