//! Finds which catalog setting a piece of page text names, in any catalog language: only exactly (after
//! normalising: case, diacritics, punctuation, spaces). A label that is near a setting's phrase is not that
//! setting's name ("Stop using my data for …", "E-mail me when my data is used for AI"): when LinkedIn really
//! rewords a label, the new wording becomes a catalog alias.

use super::{Catalog, Setting};
use crate::text::{normalize, words};
use std::collections::HashMap;

/// What a switch may say of its own state instead of a label ("Ein", "Off"), normalised.
const STATE_WORDS: &[&str] = &[
    "on",
    "off",
    "an",
    "aus",
    "ein",
    "enabled",
    "disabled",
    "active",
    "inactive",
    "actif",
    "inactif",
    "activee",
    "desactive",
    "desactivee",
    "oui",
    "non",
    "activado",
    "desactivado",
    "activo",
    "inactivo",
    "si",
    "no",
    "attivo",
    "disattivo",
    "attivato",
    "disattivato",
    "aan",
    "uit",
    "ingeschakeld",
    "uitgeschakeld",
    "ativado",
    "desativado",
    "ligado",
    "desligado",
    "sim",
    "nao",
    "yes",
    "ja",
    "nein",
];

pub struct Matcher {
    /// Normalised phrase → the settings it names (one, unless two settings share a phrase: then it names none).
    exact: HashMap<String, Vec<usize>>,
}

pub(crate) fn phrases_of(setting: &Setting) -> impl Iterator<Item = &String> {
    setting
        .title
        .values()
        .chain(setting.label.values())
        .chain(setting.aliases.values().flatten())
}

impl Matcher {
    pub fn new(catalog: &Catalog) -> Matcher {
        let mut exact: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, setting) in catalog.settings.iter().enumerate() {
            for phrase in phrases_of(setting) {
                let normalized = normalize(phrase);
                if normalized.is_empty() {
                    continue;
                }
                let settings = exact.entry(normalized).or_default();
                if !settings.contains(&index) {
                    settings.push(index);
                }
            }
        }
        Matcher { exact }
    }

    /// The one setting whose title, label or alias `text` is exactly (after normalising): the identity a
    /// switch's own label may give it. No extra qualifier, no negation, no rewording.
    pub fn exact(&self, text: &str) -> Option<usize> {
        match self.exact.get(&normalize(text))?.as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// Whether `text` is exactly one of `setting`'s phrases (even one another setting shares).
    pub fn is_phrase_of(&self, text: &str, setting: usize) -> bool {
        self.exact
            .get(&normalize(text))
            .is_some_and(|s| s.contains(&setting))
    }

    /// Whether `text` says nothing but a state ("On", "Aus", "Ja"): no label at all.
    pub fn is_state_only(text: &str) -> bool {
        let normalized = normalize(text);
        !normalized.is_empty() && words(&normalized).all(|w| STATE_WORDS.contains(&w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::from_json(
            r#"{"schemaVersion":1,"catalogVersion":"t","languages":["en","de"],"categories":{},
            "settings":[
             {"id":"ai","kind":"toggle","category":"privacy","importance":1,"url":"https://www.linkedin.com/a",
              "default":"on","privacyValue":"off","regions":["eu"],
              "title":{"en":"Data for Generative AI Improvement","de":"Daten zur Verbesserung generativer KI"},
              "label":{"en":"Use my data for training content creation AI models","de":"Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen"},
              "why":{"en":"w","de":"w"}},
             {"id":"gender","kind":"toggle","category":"ads","importance":2,"url":"https://www.linkedin.com/g",
              "default":"on","privacyValue":"off","regions":["eu"],
              "title":{"en":"Gender","de":"Geschlecht"},"label":{"en":"Gender","de":"Geschlecht"},
              "aliases":{"en":["Ads based on gender", "Demographics"]},
              "why":{"en":"w","de":"w"}},
             {"id":"age","kind":"toggle","category":"ads","importance":3,"url":"https://www.linkedin.com/h",
              "default":"on","privacyValue":"off","regions":["eu"],
              "title":{"en":"Age range","de":"Altersgruppe"},"label":{"en":"Age range","de":"Altersgruppe"},
              "aliases":{"en":["Ads based on age range", "Demographics"]},
              "why":{"en":"w","de":"w"}}
            ]}"#,
        )
        .unwrap()
    }

    #[test]
    fn exact_matches_in_any_language_after_normalising() {
        let catalog = catalog();
        let matcher = Matcher::new(&catalog);
        assert_eq!(matcher.exact("  GENDER "), Some(1));
        // Soft hyphens and zero-width characters inside words are not there for a reader.
        assert_eq!(
            matcher
                .exact("Use\u{200B} my da\u{AD}ta for training content crea\u{200D}tion AI models"),
            Some(0)
        );
        assert_eq!(
            matcher.exact("Daten zur Verbesserung generativer KI"),
            Some(0)
        );
        assert_eq!(
            matcher.exact(
                "„Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen“"
            ),
            Some(0)
        );
    }

    #[test]
    fn a_rewording_a_negation_or_a_qualifier_names_nothing() {
        let catalog = catalog();
        let matcher = Matcher::new(&catalog);
        for text in [
            "Use my data to train content creation AI models",
            "Use my data for training content creation AI models On",
            "Stop using my data for training content creation AI models",
            "Don't use my data for training content creation AI models",
            "Opt out of: Use my data for training content creation AI models",
            "E-mail me when my data is used for training content creation AI models",
            "Gender identity",
            "Use dark mode",
            "",
            "Use my data",
        ] {
            assert_eq!(matcher.exact(text), None, "{text}");
            assert!(!matcher.is_phrase_of(text, 0), "{text}");
        }
        assert_eq!(matcher.exact(&"data ".repeat(10_000)), None);
    }

    #[test]
    fn a_phrase_two_settings_share_names_neither_but_is_each_ones_phrase() {
        let catalog = catalog();
        let matcher = Matcher::new(&catalog);
        assert_eq!(matcher.exact("Demographics"), None);
        assert!(matcher.is_phrase_of("demographics", 1));
        assert!(matcher.is_phrase_of("Demographics", 2));
        assert!(!matcher.is_phrase_of("Demographics", 0));
    }

    #[test]
    fn state_words_are_no_label() {
        assert!(Matcher::is_state_only("On"));
        assert!(Matcher::is_state_only(" Aus "));
        assert!(!Matcher::is_state_only(""));
        assert!(!Matcher::is_state_only("Gender"));
    }
}
