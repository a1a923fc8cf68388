//! Words that make a switch on an unknown settings page one this extension is about: AI or advertising, per
//! catalog language, normalised (lower case, no diacritics). A word ending in `*` matches as a prefix (German
//! compounds: "Werbepartner"). Data only: `is_ai_or_ads` is the one reader.

use crate::text::{normalize, words};

pub const TOPIC_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "ai",
            "genai",
            "generative",
            "artificial",
            "ad",
            "ads",
            "advert*",
            "advertis*",
        ],
    ),
    (
        "de",
        &[
            "ki",
            "generative*",
            "kunstliche*",
            "anzeige*",
            "werbe*",
            "werbung",
        ],
    ),
    (
        "fr",
        &["ia", "generative*", "artificielle", "publicit*", "annonce*"],
    ),
    (
        "es",
        &[
            "ia",
            "generativa",
            "artificial",
            "anuncio*",
            "anunciante*",
            "publicidad",
            "publicitari*",
        ],
    ),
    (
        "it",
        &[
            "ia",
            "generativa",
            "artificiale",
            "annunci*",
            "inserzionist*",
            "pubblicit*",
        ],
    ),
    (
        "nl",
        &[
            "ai",
            "generatieve",
            "kunstmatige",
            "advertentie*",
            "adverteerder*",
            "reclame*",
        ],
    ),
    (
        "pt",
        &[
            "ia",
            "generativa",
            "artificial",
            "anuncio*",
            "anunciante*",
            "publicidade",
            "publicitari*",
        ],
    ),
];

/// Whether `text` speaks of AI or advertising in any catalog language (a whole word, or a listed prefix).
pub fn is_ai_or_ads(text: &str) -> bool {
    let normalized = normalize(text);
    let found = words(&normalized).any(|w| {
        TOPIC_WORDS
            .iter()
            .flat_map(|(_, list)| list.iter())
            .any(|k| match k.strip_suffix('*') {
                Some(prefix) => w.starts_with(prefix),
                None => w == *k,
            })
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ai_and_ad_wordings_in_every_language_and_nothing_else() {
        for text in [
            "Use my data to personalise AI agents",
            "Meine Daten für KI-Funktionen verwenden",
            "Werbepartner dürfen meine Daten nutzen",
            "Utiliser mes données pour les publicités",
            "Usar mis datos para anuncios",
            "Usa i miei dati per gli annunci",
            "Mijn gegevens gebruiken voor advertenties",
            "Usar meus dados para anúncios",
            "Allow advertisers to reach me",
        ] {
            assert!(is_ai_or_ads(text), "{text}");
        }
        for text in [
            "Dark mode",
            "Show my profile photo",
            "Read receipts",
            "Email notifications",
            "Said",
            "Adresse e-mail",
        ] {
            assert!(!is_ai_or_ads(text), "{text}");
        }
    }
}
