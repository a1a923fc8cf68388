//! Time as the core counts it: milliseconds since the Unix epoch, and local calendar days (the reminder card
//! shows at most once a local day).

/// Milliseconds since the Unix epoch (what JavaScript's `Date.now()` gives).
pub type Millis = i64;

pub const DAY_MS: Millis = 24 * 60 * 60 * 1000;

/// A local calendar day: days since 1970-01-01 in the member's time zone (local midnight starts a new one).
pub type Day = i64;

/// The largest stored day number read back (days since 1970: the year 2243).
pub const MAX_DAY: Day = 100_000;

/// Largest time zone offset accepted from the browser (UTC+14:00 / UTC-12:00 exist; a little more is garbage).
pub const MAX_UTC_OFFSET_MIN: i32 = 16 * 60;

/// The local day `now` falls on, for a time zone `utc_offset_min` minutes ahead of UTC (JS:
/// `-new Date().getTimezoneOffset()`).
pub fn local_day(now: Millis, utc_offset_min: i32) -> Day {
    now.saturating_add(utc_offset_min as Millis * 60_000)
        .div_euclid(DAY_MS)
}

/// Today's local day as the state stores it: none for a clock before 1970 or after `MAX_DAY` (the state would
/// not read such a day back; at worst the card shows once more).
pub fn storable_day(now: Millis, utc_offset_min: i32) -> Option<Day> {
    Some(local_day(now, utc_offset_min)).filter(|d| (0..=MAX_DAY).contains(d))
}

/// The next local midnight after `now` (the start of the next local day), in UTC milliseconds. Computed
/// with today's offset: across a daylight-saving change the worker wakes an hour early or late, finds the
/// day unchanged or changed, and asks again.
pub fn next_local_midnight(now: Millis, utc_offset_min: i32) -> Millis {
    (local_day(now, utc_offset_min) + 1)
        .saturating_mul(DAY_MS)
        .saturating_sub(utc_offset_min as Millis * 60_000)
}
