//! The settings catalog: every LinkedIn setting the extension knows, as data (`linkedin.json`).
//!
//! The file is compiled in and parsed once; `integrity` tests guard it, so parsing cannot fail at run time.

use crate::json::Json;
use crate::page_url::{normalize_path, PageUrl};
use crate::region::Region;
use crate::sorted_map::SortedMap;
use std::collections::HashMap;
use std::sync::OnceLock;

pub mod matcher;

pub type Localized = SortedMap<String>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingKind {
    /// A switch on a LinkedIn settings page.
    Toggle,
    /// A link-only entry (e.g. the objection form); there is no state to read.
    Form,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnOff {
    On,
    Off,
}

#[derive(Debug, Clone)]
pub struct Category {
    pub url: String,
    pub title: Localized,
}

#[derive(Debug, Clone)]
pub struct Setting {
    pub id: String,
    pub kind: SettingKind,
    pub category: String,
    pub importance: u32,
    pub url: String,
    pub alt_urls: Vec<String>,
    pub keys: Vec<String>,
    pub default: String,
    pub privacy_value: OnOff,
    pub regions: Vec<Region>,
    pub title: Localized,
    pub label: Localized,
    pub aliases: SortedMap<Vec<String>>,
    pub why: Localized,
    // `since`, `unverified` and `sources` document the data for people and are checked by the integrity
    // tests; the extension does not need them at run time, so they are not read into memory.
}

crate::json_names!(SettingKind { Toggle => "toggle", Form => "form" });
crate::json_names!(OnOff { On => "on", Off => "off" });

// Readers for the compiled-in catalog; its integrity tests guarantee the shape, so any surprise is an
// error rather than a repair.
fn text(v: Option<&Json>) -> Option<String> {
    v?.as_str().map(str::to_string)
}

fn texts(v: Option<&Json>) -> Option<Vec<String>> {
    v?.as_array()?
        .iter()
        .map(|s| s.as_str().map(str::to_string))
        .collect()
}

fn localized(v: Option<&Json>) -> Option<Localized> {
    v?.as_object()?
        .iter()
        .map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
        .collect()
}

impl Category {
    fn from_json(v: &Json) -> Option<Category> {
        Some(Category {
            url: text(v.get("url"))?,
            title: localized(v.get("title"))?,
        })
    }
}

impl Setting {
    fn from_json(v: &Json) -> Option<Setting> {
        let optional = |name| v.get(name).map_or(Some(Vec::new()), |l| texts(Some(l)));
        Some(Setting {
            id: text(v.get("id"))?,
            kind: SettingKind::parse(v.get("kind")?.as_str()?)?,
            category: text(v.get("category"))?,
            importance: u32::try_from(v.get("importance")?.as_u64()?).ok()?,
            url: text(v.get("url"))?,
            alt_urls: optional("altUrls")?,
            keys: optional("keys")?,
            default: text(v.get("default"))?,
            privacy_value: OnOff::parse(v.get("privacyValue")?.as_str()?)?,
            regions: v
                .get("regions")?
                .as_array()?
                .iter()
                .map(|r| Region::parse(r.as_str()?))
                .collect::<Option<_>>()?,
            title: localized(v.get("title"))?,
            label: localized(v.get("label"))?,
            aliases: match v.get("aliases") {
                None => SortedMap::new(),
                Some(a) => a
                    .as_object()?
                    .iter()
                    .map(|(k, l)| Some((k.clone(), texts(Some(l))?)))
                    .collect::<Option<_>>()?,
            },
            why: localized(v.get("why"))?,
        })
    }

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
    fn read(v: &Json) -> Option<Catalog> {
        Some(Catalog {
            schema_version: u32::try_from(v.get("schemaVersion")?.as_u64()?).ok()?,
            catalog_version: text(v.get("catalogVersion"))?,
            languages: texts(v.get("languages"))?,
            categories: v
                .get("categories")?
                .as_object()?
                .iter()
                .map(|(k, c)| Some((k.clone(), Category::from_json(c)?)))
                .collect::<Option<_>>()?,
            settings: v
                .get("settings")?
                .as_array()?
                .iter()
                .map(Setting::from_json)
                .collect::<Option<_>>()?,
            by_path: HashMap::new(),
            by_key: HashMap::new(),
        })
    }

    /// Parse catalog JSON and build the lookup indexes; settings come out ordered by importance.
    pub fn from_json(json: &str) -> Result<Catalog, String> {
        let mut catalog = Catalog::read(&Json::parse(json).ok_or("catalog: not JSON")?)
            .ok_or("catalog: unexpected shape")?;
        // By importance, file order among equals. An insertion sort: a handful of entries, and the
        // library's stable sort would add kilobytes to the module for this one call.
        let settings = &mut catalog.settings;
        for i in 1..settings.len() {
            let mut j = i;
            while j > 0 && settings[j - 1].importance > settings[j].importance {
                settings.swap(j - 1, j);
                j -= 1;
            }
        }
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
        Catalog::from_json(include_str!(concat!(env!("OUT_DIR"), "/catalog.min.json")))
            .unwrap_or_else(|_| panic!("catalog is valid (tested)")) // no Debug formatting in WASM
    })
}

#[cfg(test)]
mod integrity;
