//! The settings catalog: every LinkedIn setting the extension knows, as data (`linkedin.json`).
//!
//! The file is compiled in and parsed once; `integrity` tests guard it, so parsing cannot fail at run time.

use crate::page_url::{normalize_path, PageUrl};
use crate::region::Region;
use crate::sorted_map::SortedMap;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

pub mod matcher;
pub mod topic;

pub type Localized = SortedMap<String>;

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SettingKind {
    /// A switch on a LinkedIn settings page.
    Toggle,
    /// A link-only entry (e.g. the objection form); there is no state to read.
    Form,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum OnOff {
    On,
    Off,
}

#[derive(Debug, Clone, Deserialize)]
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
    pub aliases: SortedMap<Vec<String>>,
    pub why: Localized,
    // `since`, `unverified` and `sources` document the data for people and are checked by the integrity
    // tests; the extension does not need them at run time, so they are not read into memory.
}

crate::names!(SettingKind { Toggle => "toggle", Form => "form" });
crate::names!(OnOff { On => "on", Off => "off" });

type Texts = &'static [(&'static str, &'static str)];

/// The catalog as build.rs compiles it in (static data; `Catalog::from_data` makes the owned catalog once).
pub(crate) struct CatalogData {
    schema_version: u32,
    catalog_version: &'static str,
    languages: &'static [&'static str],
    categories: &'static [(&'static str, &'static str, Texts)],
    settings: &'static [SettingData],
}

pub(crate) struct SettingData {
    id: &'static str,
    kind: SettingKind,
    category: &'static str,
    importance: u32,
    url: &'static str,
    alt_urls: &'static [&'static str],
    keys: &'static [&'static str],
    default: &'static str,
    privacy_value: OnOff,
    regions: &'static [Region],
    title: Texts,
    label: Texts,
    aliases: &'static [(&'static str, &'static [&'static str])],
    why: Texts,
}

include!(concat!(env!("OUT_DIR"), "/catalog_data.rs"));

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn map<V>(pairs: impl Iterator<Item = (String, V)>) -> SortedMap<V> {
    pairs.collect()
}

fn localized(texts: Texts) -> Localized {
    map(texts.iter().map(|(k, v)| (k.to_string(), v.to_string())))
}

/// The catalog file's shape (`linkedin.json`), as serde reads it (native: tests read the file itself).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CatalogFile {
    schema_version: u32,
    catalog_version: String,
    languages: Vec<String>,
    categories: SortedMap<Category>,
    settings: Vec<Setting>,
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

#[derive(Debug)]
pub struct Catalog {
    pub schema_version: u32,
    pub catalog_version: String,
    pub languages: Vec<String>,
    pub categories: SortedMap<Category>,
    pub settings: Vec<Setting>,
    /// Settings page path → setting index (canonical and alternate URLs).
    by_path: HashMap<String, usize>,
    /// Lower-case switch key → setting index.
    by_key: HashMap<String, usize>,
}

impl Catalog {
    /// Parse catalog JSON (native: tests of the file and of other catalogs).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(json: &str) -> Result<Catalog, String> {
        let file: CatalogFile = serde_json::from_str(json).map_err(|e| format!("catalog: {e}"))?;
        Catalog::index(file)
    }

    fn from_data(data: &CatalogData) -> Result<Catalog, String> {
        Catalog::index(CatalogFile {
            schema_version: data.schema_version,
            catalog_version: data.catalog_version.to_string(),
            languages: strings(data.languages),
            categories: map(data.categories.iter().map(|(id, url, title)| {
                let category = Category {
                    url: url.to_string(),
                    title: localized(title),
                };
                (id.to_string(), category)
            })),
            settings: data
                .settings
                .iter()
                .map(|s| Setting {
                    id: s.id.to_string(),
                    kind: s.kind,
                    category: s.category.to_string(),
                    importance: s.importance,
                    url: s.url.to_string(),
                    alt_urls: strings(s.alt_urls),
                    keys: strings(s.keys),
                    default: s.default.to_string(),
                    privacy_value: s.privacy_value,
                    regions: s.regions.to_vec(),
                    title: localized(s.title),
                    label: localized(s.label),
                    aliases: map(s
                        .aliases
                        .iter()
                        .map(|(lang, list)| (lang.to_string(), strings(list)))),
                    why: localized(s.why),
                })
                .collect(),
        })
    }

    /// Build the lookup indexes; settings come out ordered by importance (file order among equals).
    fn index(file: CatalogFile) -> Result<Catalog, String> {
        let mut catalog = Catalog {
            schema_version: file.schema_version,
            catalog_version: file.catalog_version,
            languages: file.languages,
            categories: file.categories,
            settings: file.settings,
            by_path: HashMap::new(),
            by_key: HashMap::new(),
        };
        catalog.settings.sort_by_key(|s| s.importance);
        for (index, setting) in catalog.settings.iter().enumerate() {
            for url in std::iter::once(&setting.url).chain(&setting.alt_urls) {
                let parsed =
                    PageUrl::parse(url).ok_or_else(|| [&setting.id, ": bad url ", url].concat())?;
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
        Catalog::from_data(&CATALOG_DATA).unwrap_or_else(|_| panic!("catalog is valid (tested)"))
        // no Debug formatting in WASM
    })
}

#[cfg(test)]
mod integrity;
