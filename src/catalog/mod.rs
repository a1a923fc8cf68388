//! The settings catalog: every LinkedIn setting the extension knows, as data (`linkedin.json`).
//!
//! The file is compiled in and parsed once; `integrity` tests guard it, so parsing cannot fail at run time.

use crate::page_url::{normalize_path, PageUrl};
use crate::region::Region;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

pub mod matcher;

pub type Localized = BTreeMap<String, String>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SettingKind {
    /// A switch on a LinkedIn settings page.
    Toggle,
    /// A link-only entry (e.g. the objection form); there is no state to read.
    Form,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum OnOff {
    On,
    Off,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    pub url: String,
    pub title: Localized,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Setting {
    pub id: String,
    pub kind: SettingKind,
    pub category: String,
    pub importance: u32,
    pub url: String,
    #[serde(default)]
    pub alt_urls: Vec<String>,
    #[serde(default)]
    pub keys: Vec<String>,
    pub default: String,
    pub privacy_value: OnOff,
    pub regions: Vec<Region>,
    pub title: Localized,
    pub label: Localized,
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
    pub why: Localized,
    // `since`, `unverified` and `sources` document the data for people and are checked by the integrity
    // tests; the extension does not need them at run time, so they are not read into memory.
}

impl Setting {
    pub fn applies_in(&self, region: Region) -> bool {
        self.regions.contains(&region)
    }

    /// Text in `lang`, falling back to English (every entry has English; tested).
    pub fn localized<'a>(map: &'a Localized, lang: &str) -> &'a str {
        map.get(lang)
            .or_else(|| map.get("en"))
            .map(String::as_str)
            .unwrap_or("")
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    pub schema_version: u32,
    pub catalog_version: String,
    pub languages: Vec<String>,
    pub categories: BTreeMap<String, Category>,
    pub settings: Vec<Setting>,
    /// Settings page path → setting index (canonical and alternate URLs).
    #[serde(skip)]
    by_path: HashMap<String, usize>,
    /// Lower-case switch key → setting index.
    #[serde(skip)]
    by_key: HashMap<String, usize>,
}

impl Catalog {
    /// Parse catalog JSON and build the lookup indexes; settings come out ordered by importance.
    pub fn from_json(json: &str) -> Result<Catalog, String> {
        let mut catalog: Catalog = serde_json::from_str(json).map_err(|e| e.to_string())?;
        catalog.settings.sort_by_key(|s| s.importance);
        for (index, setting) in catalog.settings.iter().enumerate() {
            for url in std::iter::once(&setting.url).chain(&setting.alt_urls) {
                let parsed =
                    PageUrl::parse(url).ok_or_else(|| format!("{}: bad url {url}", setting.id))?;
                catalog.by_path.insert(parsed.path, index);
            }
            for key in &setting.keys {
                catalog.by_key.insert(key.to_ascii_lowercase(), index);
            }
        }
        Ok(catalog)
    }

    pub fn setting(&self, id: &str) -> Option<&Setting> {
        self.settings.iter().find(|s| s.id == id)
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.settings.iter().position(|s| s.id == id)
    }

    /// The setting whose own page has this (normalised) path.
    pub fn setting_for_path(&self, path: &str) -> Option<usize> {
        self.by_path.get(&normalize_path(path)).copied()
    }

    /// The setting a switch key (aria-labelledby / id) belongs to.
    pub fn setting_for_key(&self, key: &str) -> Option<usize> {
        self.by_key.get(&key.trim().to_ascii_lowercase()).copied()
    }

    /// The catalog language for a BCP 47 tag (`de-CH` → `de`), if supported.
    pub fn language(&self, tag: &str) -> Option<&str> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        self.languages
            .iter()
            .find(|l| **l == primary)
            .map(String::as_str)
    }
}

/// The compiled-in catalog.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        Catalog::from_json(include_str!(concat!(env!("OUT_DIR"), "/catalog.min.json")))
            .expect("catalog is valid (tested)")
    })
}

#[cfg(test)]
mod integrity;
