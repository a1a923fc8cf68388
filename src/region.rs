//! Where the member's account is: LinkedIn's settings and defaults differ by region.

use crate::json::Json;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Region {
    /// EU, EEA and Switzerland.
    Eu,
    /// United Kingdom.
    Uk,
    /// Rest of the world.
    Row,
}

crate::json_names!(Region { Eu => "eu", Uk => "uk", Row => "row" });

struct RegionData {
    eu_time_zones: Vec<String>,
    uk_time_zones: Vec<String>,
    eu_countries: Vec<String>,
    uk_countries: Vec<String>,
}

fn data() -> &'static RegionData {
    static DATA: OnceLock<RegionData> = OnceLock::new();
    DATA.get_or_init(|| {
        let json = Json::parse(include_str!("catalog/regions.json"));
        let list = |name: &str| -> Vec<String> {
            let items = json.as_ref().and_then(|j| j.get(name)?.as_array());
            let items = items.expect("regions.json is valid (tested)");
            items
                .iter()
                .filter_map(Json::as_str)
                .map(str::to_string)
                .collect()
        };
        RegionData {
            eu_time_zones: list("euTimeZones"),
            uk_time_zones: list("ukTimeZones"),
            eu_countries: list("euCountries"),
            uk_countries: list("ukCountries"),
        }
    })
}

/// Best guess of the region from the browser's time zone, then its language tag (e.g. `de-AT`).
/// Only preselects the onboarding choice: the user confirms it.
pub fn guess(time_zone: &str, language: &str) -> Region {
    let data = data();
    if data.uk_time_zones.iter().any(|z| z == time_zone) {
        return Region::Uk;
    }
    if data.eu_time_zones.iter().any(|z| z == time_zone) {
        return Region::Eu;
    }
    // A known non-European zone is a stronger hint than the language tag.
    if !time_zone.is_empty()
        && !time_zone.starts_with("Europe/")
        && time_zone != "UTC"
        && time_zone != "Etc/UTC"
    {
        return Region::Row;
    }
    let country = language
        .split(['-', '_'])
        .nth(1)
        .unwrap_or("")
        .to_ascii_uppercase();
    if data.uk_countries.contains(&country) {
        Region::Uk
    } else if data.eu_countries.contains(&country) {
        Region::Eu
    } else {
        Region::Row
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_from_time_zone_first() {
        assert_eq!(guess("Europe/Berlin", "en-US"), Region::Eu);
        assert_eq!(guess("Europe/Zurich", "de-CH"), Region::Eu);
        assert_eq!(guess("Atlantic/Reykjavik", ""), Region::Eu);
        assert_eq!(guess("Europe/London", "de-DE"), Region::Uk);
        assert_eq!(guess("America/New_York", "de-DE"), Region::Row);
        assert_eq!(guess("Europe/Istanbul", "tr-TR"), Region::Row);
    }

    #[test]
    fn falls_back_to_language_region() {
        assert_eq!(guess("", "de-AT"), Region::Eu);
        assert_eq!(guess("UTC", "en-GB"), Region::Uk);
        assert_eq!(guess("", "en"), Region::Row);
        assert_eq!(guess("", ""), Region::Row);
        assert_eq!(guess("Not/AZone", "fr_FR"), Region::Row);
    }

    #[test]
    fn round_trips_names() {
        for region in [Region::Eu, Region::Uk, Region::Row] {
            assert_eq!(Region::parse(region.as_str()), Some(region));
        }
        assert_eq!(Region::parse("EU"), None);
    }
}
