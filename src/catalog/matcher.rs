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
/// Two settings scoring within this margin make the text ambiguous.
const AMBIGUITY_MARGIN: f32 = 0.05;
/// Longer page texts are descriptions, not labels; only the first words are considered.
const MAX_TEXT_WORDS: usize = 80;

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
        if ids.len() < FUZZY_MIN_WORDS {
            return;
        }
        let phrase_index = self.phrases.len() as u32;
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

    /// The one setting `text` names, or `None` if it names none or several.
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
        let mut text_words: Vec<&str> = words(&normalized).take(MAX_TEXT_WORDS).collect();
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
        for (&phrase_index, &(shared, shared_weight)) in &overlap {
            let phrase = &self.phrases[phrase_index as usize];
            let phrase_words = phrase.words.len();
            let dice = 2.0 * shared_weight / (text_weight + phrase.weight);
            // The whole phrase inside a slightly longer text ("… AI models On") is a match too.
            let contained =
                shared as usize == phrase_words && text_words.len() <= phrase_words * 2 + 2;
            let score = if contained { dice.max(0.9) } else { dice };
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
        match (best, runner_up) {
            (Some(b), Some(r))
                if r.setting != b.setting && b.score - r.score < AMBIGUITY_MARGIN =>
            {
                None
            }
            (best, _) => best,
        }
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
        // Equal overlap with "Ads based on gender" and "Ads based on age range".
        assert_eq!(matcher.find("Ads based on gender age range"), None);
    }
}
