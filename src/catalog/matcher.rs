//! Finds which catalog setting a piece of page text names, in any catalog language.
//!
//! Exact (normalised) phrases match outright; longer phrases also match with small wording changes
//! (word overlap), because LinkedIn rewords labels between regions and releases. Short phrases such as
//! "Gender" must match exactly: overlap on one or two words says nothing.
//!
//! Overlap is weighted by how distinctive a word is across settings: many labels follow one template
//! ("Use your … for ads"), so shared template words must not outweigh the one word that differs.

use super::{Catalog, Setting};
use crate::text::{normalize, words};
use std::collections::HashMap;

/// Phrases with fewer words than this only match exactly.
const FUZZY_MIN_WORDS: usize = 4;
/// Minimum word-overlap (Dice) score for a fuzzy match.
const FUZZY_THRESHOLD: f32 = 0.75;
/// A lone switch's label on its setting's own page only has to resemble the setting's phrase this much
/// (weighted Dice; it names no other setting, see `Matcher::rewords`).
const REWORDING_THRESHOLD: f32 = 0.25;
/// Two settings scoring within this margin make the text ambiguous.
const AMBIGUITY_MARGIN: f32 = 0.05;
/// Longer page texts are descriptions, not labels; only the first words are considered.
const MAX_TEXT_WORDS: usize = 80;
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
    "active",
    "actif",
    "inactif",
    "active",
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
/// Words that turn a label's meaning around, in the catalog languages (normalised: lower case, no
/// diacritics, apostrophes joined). No catalog phrase uses them, so a text containing one never matches
/// by close wording.
const NEGATIONS: &[&str] = &[
    "not", "dont", "doesnt", "never", "no", "without", "nicht", "kein", "keine", "keinen",
    "niemals", "ohne", "ne", "pas", "jamais", "sans", "nunca", "sin", "non", "mai", "senza",
    "niet", "geen", "nooit", "zonder", "nao", "sem",
];

struct Phrase {
    setting: usize,
    words: Vec<u32>,
    weight: f32,
}

pub struct Matcher {
    exact: HashMap<String, usize>,
    /// Normalised phrases that name more than one setting never match.
    shared_exact: std::collections::HashSet<String>,
    vocabulary: HashMap<String, u32>,
    phrases: Vec<Phrase>,
    /// word id → indexes of phrases containing it
    postings: Vec<Vec<u32>>,
    /// word id → weight (rarer across settings = heavier)
    weights: Vec<f32>,
    /// word id → the settings whose phrases use it
    word_settings: Vec<Vec<usize>>,
    /// Weight of a word no setting uses: as distinctive as the rarest.
    unknown_weight: f32,
}

/// How a text matched a setting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextMatch {
    pub setting: usize,
    pub score: f32,
}

fn phrases_of(setting: &Setting) -> impl Iterator<Item = &String> {
    setting
        .title
        .values()
        .chain(setting.label.values())
        .chain(setting.aliases.values().flatten())
}

impl Matcher {
    pub fn new(catalog: &Catalog) -> Matcher {
        let mut matcher = Matcher {
            exact: HashMap::new(),
            shared_exact: Default::default(),
            vocabulary: HashMap::new(),
            phrases: Vec::new(),
            postings: Vec::new(),
            weights: Vec::new(),
            word_settings: Vec::new(),
            unknown_weight: 0.0,
        };
        for (index, setting) in catalog.settings.iter().enumerate() {
            for phrase in phrases_of(setting) {
                matcher.add(index, &normalize(phrase));
            }
        }
        matcher.weigh(catalog.settings.len());
        matcher
    }

    /// Inverse document frequency over settings: ln(1 + settings / settings using the word).
    fn weigh(&mut self, setting_count: usize) {
        let mut settings_per_word: Vec<Vec<usize>> =
            vec![Default::default(); self.vocabulary.len()];
        for phrase in &self.phrases {
            for &word in &phrase.words {
                // Phrases were added setting by setting, so a repeat is always the last entry.
                let settings = &mut settings_per_word[word as usize];
                if settings.last() != Some(&phrase.setting) {
                    settings.push(phrase.setting);
                }
            }
        }
        let n = setting_count.max(1) as f32;
        self.unknown_weight = (1.0 + n).ln();
        self.weights = settings_per_word
            .iter()
            .map(|s| {
                if s.is_empty() {
                    self.unknown_weight
                } else {
                    (1.0 + n / s.len() as f32).ln()
                }
            })
            .collect();
        for phrase in &mut self.phrases {
            phrase.weight = phrase.words.iter().map(|&w| self.weights[w as usize]).sum();
        }
        self.word_settings = settings_per_word;
    }

    fn word_weight(&self, word: &str) -> f32 {
        self.vocabulary
            .get(word)
            .map(|&id| self.weights[id as usize])
            .unwrap_or(self.unknown_weight)
    }

    fn add(&mut self, setting: usize, normalized: &str) {
        if normalized.is_empty() {
            return;
        }
        match self.exact.get(normalized) {
            Some(&other) if other != setting => {
                self.shared_exact.insert(normalized.to_string());
            }
            Some(_) => return,
            None => {
                self.exact.insert(normalized.to_string(), setting);
            }
        }
        let mut ids: Vec<u32> = words(normalized)
            .map(|w| {
                let next = self.vocabulary.len() as u32;
                *self.vocabulary.entry(w.to_string()).or_insert(next)
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let phrase_index = self.phrases.len() as u32;
        if ids.len() < FUZZY_MIN_WORDS {
            // Short phrases match only exactly (no postings), but their words still count for weights and
            // for `rewords` ("Ads beyond LinkedIn").
            self.phrases.push(Phrase {
                setting,
                words: ids,
                weight: 0.0,
            });
            return;
        }
        for &id in &ids {
            if self.postings.len() <= id as usize {
                self.postings.resize(id as usize + 1, Vec::new());
            }
            self.postings[id as usize].push(phrase_index);
        }
        self.phrases.push(Phrase {
            setting,
            words: ids,
            weight: 0.0,
        });
    }

    /// The one setting whose title, label or alias `text` is exactly (after normalising): the identity a
    /// switch's own label may give it. No extra qualifier, no negation, no rewording.
    pub fn exact(&self, text: &str) -> Option<usize> {
        let normalized = normalize(text);
        if normalized.is_empty() || self.shared_exact.contains(&normalized) {
            return None;
        }
        self.exact.get(&normalized).copied()
    }

    /// Whether `text` could be a (re)wording of one of `setting`'s phrases: it names no other setting, is
    /// not negated, shares a fair part of its (weighted) words with one of the setting's phrases ("E-mail me
    /// about new AI features" shares only "AI"), and does not add words distinctive of other settings ("… AI
    /// models of Microsoft affiliates" is about something else). Only used for the lone switch of a
    /// setting's own page, where LinkedIn's changing wording must not cost the reading.
    pub fn rewords(&self, text: &str, setting: usize) -> bool {
        let normalized = normalize(text);
        if self.exact.get(&normalized) == Some(&setting) {
            return true;
        }
        if self.find(text).is_some_and(|m| m.setting != setting)
            || self.shared_exact.contains(&normalized)
            || words(&normalized).any(|w| NEGATIONS.contains(&w))
        {
            return false;
        }
        let mut text_words: Vec<&str> = words(&normalized).take(MAX_TEXT_WORDS).collect();
        text_words.sort_unstable();
        text_words.dedup();
        let text_weight: f32 = text_words.iter().map(|w| self.word_weight(w)).sum();
        let ids: Vec<u32> = text_words
            .iter()
            .filter_map(|w| self.vocabulary.get(*w).copied())
            .collect();
        // One such word happens in a small catalog; two name another thing.
        // Short words ("um", "zu", "of") are grammar, not meaning, whichever label they happen to be in.
        let other_settings_words = text_words
            .iter()
            .filter(|w| w.chars().count() >= 5)
            .filter_map(|w| self.vocabulary.get(*w))
            .filter(|&&id| {
                let users = &self.word_settings[id as usize];
                !users.contains(&setting) && users.len() <= 1
            })
            .count();
        if other_settings_words >= 2 {
            return false;
        }
        // The phrase it rewords must itself be close: a long description of the setting containing the
        // text's words does not make a qualified label a rewording.
        self.phrases.iter().any(|p| {
            let shared: f32 = ids
                .iter()
                .filter(|id| p.words.binary_search(id).is_ok())
                .map(|&id| self.weights[id as usize])
                .sum();
            p.setting == setting && 2.0 * shared / (text_weight + p.weight) >= REWORDING_THRESHOLD
        })
    }

    /// Whether `text` says nothing but a state ("On", "Aus", "Ja"): no label at all.
    pub fn is_state_only(text: &str) -> bool {
        let normalized = normalize(text);
        !normalized.is_empty() && words(&normalized).all(|w| STATE_WORDS.contains(&w))
    }

    /// Whether `text` names any setting, or several (exactly or by close wording).
    pub fn names_any(&self, text: &str) -> bool {
        let normalized = normalize(text);
        self.exact.contains_key(&normalized)
            || self.shared_exact.contains(&normalized)
            || self.find(text).is_some()
            || self.find_any(&normalized)
    }

    /// The one setting `text` names, or `None` if it names none or several. A text that negates what the
    /// setting's phrases say ("Don't use my data …", "nicht") names none: its meaning is the opposite.
    pub fn find(&self, text: &str) -> Option<TextMatch> {
        let normalized = normalize(text);
        if normalized.is_empty() {
            return None;
        }
        if self.shared_exact.contains(&normalized) {
            return None;
        }
        if let Some(&setting) = self.exact.get(&normalized) {
            return Some(TextMatch {
                setting,
                score: 1.0,
            });
        }
        if words(&normalized).any(|w| NEGATIONS.contains(&w)) {
            return None;
        }
        let (best, runner_up, several) = self.best_two(&normalized);
        if several {
            return None;
        }
        match (best, runner_up) {
            (Some(b), Some(r))
                if r.setting != b.setting && b.score - r.score < AMBIGUITY_MARGIN =>
            {
                None
            }
            (best, _) => best,
        }
    }

    /// The best fuzzy match over the threshold and the best one of another setting (or a weaker one).
    /// Also says whether the text contains whole phrases of several settings.
    fn best_two(&self, normalized: &str) -> (Option<TextMatch>, Option<TextMatch>, bool) {
        let mut text_words: Vec<&str> = words(normalized).take(MAX_TEXT_WORDS).collect();
        text_words.sort_unstable();
        text_words.dedup();
        let text_weight: f32 = text_words.iter().map(|w| self.word_weight(w)).sum();
        // phrase → (shared words, shared weight)
        let mut overlap: HashMap<u32, (u32, f32)> = HashMap::new();
        for word in &text_words {
            if let Some(&id) = self.vocabulary.get(*word) {
                for &phrase in self
                    .postings
                    .get(id as usize)
                    .map(Vec::as_slice)
                    .unwrap_or(&[])
                {
                    let entry = overlap.entry(phrase).or_insert((0, 0.0));
                    entry.0 += 1;
                    entry.1 += self.weights[id as usize];
                }
            }
        }
        let mut best: Option<TextMatch> = None;
        let mut runner_up: Option<TextMatch> = None;
        // Settings whose whole phrase the text contains: two of them make the text name both.
        let mut contained: Option<usize> = None;
        let mut several = false;
        for (&phrase_index, &(shared, shared_weight)) in &overlap {
            let phrase = &self.phrases[phrase_index as usize];
            if shared as usize == phrase.words.len() {
                match contained {
                    Some(other) if other != phrase.setting => several = true,
                    _ => contained = Some(phrase.setting),
                }
            }
            // Words the text adds count against it (Dice): "… AI models of Microsoft affiliates" is about
            // something else, not a rewording.
            let score = 2.0 * shared_weight / (text_weight + phrase.weight);
            if score < FUZZY_THRESHOLD {
                continue;
            }
            let candidate = TextMatch {
                setting: phrase.setting,
                score,
            };
            match best {
                Some(current) if current.setting == candidate.setting => {
                    if candidate.score > current.score {
                        best = Some(candidate);
                    }
                }
                Some(current) if candidate.score > current.score => {
                    runner_up = Some(current);
                    best = Some(candidate);
                }
                Some(_) => {
                    if runner_up.is_none_or(|r| candidate.score > r.score) {
                        runner_up = Some(candidate);
                    }
                }
                None => best = Some(candidate),
            }
        }
        (best, runner_up, several)
    }

    /// Whether close wording names any setting at all (even ambiguously or negated).
    fn find_any(&self, normalized: &str) -> bool {
        let (best, _, several) = self.best_two(normalized);
        best.is_some() || several
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
              "aliases":{"en":["Ads based on gender"]},
              "why":{"en":"w","de":"w"}},
             {"id":"age","kind":"toggle","category":"ads","importance":3,"url":"https://www.linkedin.com/h",
              "default":"on","privacyValue":"off","regions":["eu"],
              "title":{"en":"Age range","de":"Altersgruppe"},"label":{"en":"Age range","de":"Altersgruppe"},
              "aliases":{"en":["Ads based on age range"]},
              "why":{"en":"w","de":"w"}}
            ]}"#,
        )
        .unwrap()
    }

    #[test]
    fn exact_matches_in_any_language_after_normalising() {
        let catalog = catalog();
        let matcher = Matcher::new(&catalog);
        assert_eq!(matcher.find("  GENDER ").map(|m| m.setting), Some(1));
        assert_eq!(
            matcher
                .find("Daten zur Verbesserung generativer KI")
                .map(|m| m.setting),
            Some(0)
        );
        assert_eq!(
            matcher
                .find("„Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen“")
                .map(|m| m.setting),
            Some(0)
        );
    }

    #[test]
    fn tolerates_small_rewording_of_long_labels() {
        let catalog = catalog();
        let matcher = Matcher::new(&catalog);
        assert_eq!(
            matcher
                .find("Use my data to train content creation AI models")
                .map(|m| m.setting),
            Some(0)
        );
        assert_eq!(
            matcher
                .find("Use my data for training content creation AI models On")
                .map(|m| m.setting),
            Some(0)
        );
    }

    #[test]
    fn short_phrases_need_exact_text_and_unrelated_text_matches_nothing() {
        let catalog = catalog();
        let matcher = Matcher::new(&catalog);
        assert_eq!(matcher.find("Gender identity"), None);
        assert_eq!(matcher.find("Use dark mode"), None);
        assert_eq!(matcher.find(""), None);
        assert_eq!(matcher.find("Use my data"), None);
        assert_eq!(matcher.find(&"data ".repeat(10_000)), None);
    }

    #[test]
    fn text_naming_two_settings_equally_is_ambiguous() {
        let catalog = catalog();
        let matcher = Matcher::new(&catalog);
        // Contains all of "Ads based on gender" and of "Ads based on age range".
        assert_eq!(matcher.find("Ads based on gender age range"), None);
        assert!(matcher.names_any("Ads based on gender age range"));
    }
}
