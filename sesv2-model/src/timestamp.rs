//! [`Timestamp`]: an exact instant, as Smithy `timestamp` shapes hold it.

use std::fmt;
use std::str::FromStr;
use std::time::SystemTime;

use crate::__private::TimestampFormat;

/// An instant in time, exact to the nanosecond, in UTC.
///
/// This is the Rust type of every Smithy `timestamp` shape. It keeps exactly
/// what the service sent: `1700000000.123` on the wire is 123 milliseconds
/// past the second, not the nearest `f64`, and it is written back as
/// `1700000000.123`. [`Display`](fmt::Display) renders RFC 3339 in UTC.
///
/// The range is that of [`jiff::Timestamp`]: the years -9999 to 9999, less
/// about a day at each end ([`Timestamp::MIN`] is `-009999-01-02T01:59:59Z`,
/// [`Timestamp::MAX`] is `9999-12-30T22:00:00.999999999Z`).
///
/// ```
/// use sesv2_model::Timestamp;
///
/// let created = Timestamp::from_secs_and_nanos(1_700_000_000, 123_000_000)?;
/// assert_eq!(created.to_string(), "2023-11-14T22:13:20.123Z");
/// assert_eq!(created.secs(), 1_700_000_000);
/// assert_eq!(created.subsec_nanos(), 123_000_000);
///
/// let parsed: Timestamp = "2023-11-14T22:13:20.123Z".parse()?;
/// assert_eq!(parsed, created);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(jiff::Timestamp);

/// Why a value cannot be a [`Timestamp`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimestampError {
    message: String,
}

impl TimestampError {
    fn new(message: impl Into<String>) -> Self {
        TimestampError {
            message: message.into(),
        }
    }
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TimestampError {}

const NANOS_PER_SEC: i128 = 1_000_000_000;

fn out_of_range(nanos: i128) -> TimestampError {
    TimestampError::new(format!(
        "{}.{:09} seconds from the Unix epoch is outside the supported range (years -9999 to 9999)",
        nanos.div_euclid(NANOS_PER_SEC),
        nanos.rem_euclid(NANOS_PER_SEC)
    ))
}

impl Timestamp {
    /// 1970-01-01T00:00:00Z.
    pub const UNIX_EPOCH: Timestamp = Timestamp(jiff::Timestamp::UNIX_EPOCH);
    /// The earliest representable instant, in the year -9999.
    pub const MIN: Timestamp = Timestamp(jiff::Timestamp::MIN);
    /// The latest representable instant, at the end of the year 9999.
    pub const MAX: Timestamp = Timestamp(jiff::Timestamp::MAX);

    /// The current time from the system clock.
    pub fn now() -> Timestamp {
        Timestamp(jiff::Timestamp::now())
    }

    /// The instant `secs` seconds after the Unix epoch (before it if negative).
    pub fn from_secs(secs: i64) -> Result<Timestamp, TimestampError> {
        jiff::Timestamp::from_second(secs)
            .map(Timestamp)
            .map_err(|_| out_of_range(i128::from(secs) * NANOS_PER_SEC))
    }

    /// The instant `secs` seconds plus `nanos` nanoseconds after the Unix
    /// epoch; `nanos` must be below one second and counts forward in time, so
    /// `(-2, 500_000_000)` is 1.5 seconds before the epoch.
    pub fn from_secs_and_nanos(secs: i64, nanos: u32) -> Result<Timestamp, TimestampError> {
        if nanos >= 1_000_000_000 {
            return Err(TimestampError::new(format!(
                "{nanos} nanoseconds is not below one second"
            )));
        }
        // jiff counts a negative instant's nanoseconds backwards and
        // normalizes mixed signs itself; below one second, `nanos` fits i32.
        jiff::Timestamp::new(secs, nanos as i32)
            .map(Timestamp)
            .map_err(|_| out_of_range(i128::from(secs) * NANOS_PER_SEC + i128::from(nanos)))
    }

    /// The instant `millis` milliseconds after the Unix epoch.
    pub fn from_millis(millis: i64) -> Result<Timestamp, TimestampError> {
        // In 0..1000 milliseconds, so below one second of nanoseconds. Not
        // jiff's `from_millisecond`: it refuses the last second of its range.
        let nanos = millis.rem_euclid(1000) as u32 * 1_000_000;
        Timestamp::from_secs_and_nanos(millis.div_euclid(1000), nanos)
    }

    pub(crate) fn from_total_nanos(nanos: i128) -> Result<Timestamp, TimestampError> {
        jiff::Timestamp::from_nanosecond(nanos)
            .map(Timestamp)
            .map_err(|_| out_of_range(nanos))
    }

    /// Whole seconds since the Unix epoch, rounded down (so `-1.5` s is `-2`).
    pub fn secs(&self) -> i64 {
        self.parts().0
    }

    /// Nanoseconds past [`secs`](Self::secs), always below one second.
    pub fn subsec_nanos(&self) -> u32 {
        self.parts().1
    }

    /// Milliseconds since the Unix epoch, rounded down.
    pub fn as_millis(&self) -> i64 {
        let (secs, nanos) = self.parts();
        // jiff's range, ±3.2e11 s, is far inside i64 milliseconds.
        secs * 1000 + i64::from(nanos / 1_000_000)
    }

    /// Seconds rounded down and the nanoseconds past them, without the
    /// 128-bit arithmetic of [`total_nanos`](Self::total_nanos).
    pub(crate) fn parts(&self) -> (i64, u32) {
        let (secs, nanos) = (self.0.as_second(), self.0.subsec_nanosecond());
        if nanos < 0 {
            (secs - 1, (nanos + 1_000_000_000) as u32)
        } else {
            (secs, nanos as u32)
        }
    }

    pub(crate) fn total_nanos(&self) -> i128 {
        self.0.as_nanosecond()
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC, with as many fractional digits as the value needs:
    /// `2023-11-14T22:13:20Z`, `2023-11-14T22:13:20.123Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;

    /// Parses an RFC 3339 timestamp with an offset, e.g. `2023-11-14T22:13:20.123Z`.
    fn from_str(text: &str) -> Result<Timestamp, TimestampError> {
        text.parse::<jiff::Timestamp>()
            .map(Timestamp)
            .map_err(|error| TimestampError::new(format!("`{text}` is not an RFC 3339 timestamp: {error}")))
    }
}

impl TryFrom<SystemTime> for Timestamp {
    type Error = TimestampError;

    fn try_from(time: SystemTime) -> Result<Timestamp, TimestampError> {
        let nanos = match time.duration_since(SystemTime::UNIX_EPOCH) {
            Ok(after) => i128::try_from(after.as_nanos()),
            Err(before) => i128::try_from(before.duration().as_nanos()).map(|nanos| -nanos),
        };
        nanos
            .map_err(|_| TimestampError::new("the system time is outside the supported range"))
            .and_then(Timestamp::from_total_nanos)
    }
}

impl TryFrom<Timestamp> for SystemTime {
    type Error = TimestampError;

    /// Fails only where the platform's `SystemTime` cannot hold the instant.
    fn try_from(timestamp: Timestamp) -> Result<SystemTime, TimestampError> {
        let nanos = timestamp.total_nanos();
        let magnitude = std::time::Duration::new(
            (nanos.unsigned_abs() / NANOS_PER_SEC as u128) as u64,
            (nanos.unsigned_abs() % NANOS_PER_SEC as u128) as u32,
        );
        let time = if nanos >= 0 {
            SystemTime::UNIX_EPOCH.checked_add(magnitude)
        } else {
            SystemTime::UNIX_EPOCH.checked_sub(magnitude)
        };
        time.ok_or_else(|| TimestampError::new(format!("{timestamp} cannot be represented as a SystemTime here")))
    }
}

impl From<jiff::Timestamp> for Timestamp {
    fn from(timestamp: jiff::Timestamp) -> Timestamp {
        Timestamp(timestamp)
    }
}

impl From<Timestamp> for jiff::Timestamp {
    fn from(timestamp: Timestamp) -> jiff::Timestamp {
        timestamp.0
    }
}

/// A timestamp as text in `format`, as URIs and headers carry it (epoch
/// seconds as an exact decimal).
pub(crate) fn to_text(timestamp: &Timestamp, format: TimestampFormat) -> String {
    match format {
        TimestampFormat::EpochSeconds => epoch_seconds::to_text(timestamp),
        TimestampFormat::DateTime => text_formats::to_date_time(timestamp),
        TimestampFormat::HttpDate => text_formats::to_http_date(timestamp),
    }
}

/// Reads what [`to_text`] writes.
pub(crate) fn from_text(text: &str, format: TimestampFormat) -> Result<Timestamp, TimestampError> {
    match format {
        TimestampFormat::EpochSeconds => epoch_seconds::from_text(text),
        TimestampFormat::DateTime => text_formats::from_date_time(text),
        TimestampFormat::HttpDate => text_formats::from_http_date(text),
    }
}

/// The `date-time` and `http-date` wire forms.
pub(crate) mod text_formats {
    use super::{Timestamp, TimestampError};

    /// RFC 3339 in UTC with as many fractional digits as needed:
    /// `2023-11-14T22:13:20.123Z`.
    pub(crate) fn to_date_time(timestamp: &Timestamp) -> String {
        timestamp.to_string()
    }

    /// Parses RFC 3339 with any offset, e.g. `2023-11-14T22:13:20.123+01:00`.
    pub(crate) fn from_date_time(text: &str) -> Result<Timestamp, TimestampError> {
        text.parse()
    }

    /// The IMF-fixdate of RFC 9110, `Tue, 14 Nov 2023 22:13:20 GMT`, with
    /// milliseconds when the instant has a fraction of a second (as Smithy's
    /// protocol tests expect: `Tue, 14 Nov 2023 22:13:20.123 GMT`).
    pub(crate) fn to_http_date(timestamp: &Timestamp) -> String {
        let whole = Timestamp::from_secs(timestamp.secs()).unwrap_or(*timestamp);
        let mut text = jiff::fmt::rfc2822::DateTimePrinter::new()
            .timestamp_to_rfc9110_string(&whole.0)
            .unwrap_or_else(|_| whole.to_string());
        let nanos = timestamp.subsec_nanos();
        if nanos != 0
            && let Some(at) = text.rfind(" GMT")
        {
            let fraction = format!(".{nanos:09}");
            text.insert_str(at, fraction.trim_end_matches('0'));
        }
        text
    }

    /// Parses an HTTP date: IMF-fixdate (with optional fractional seconds) or
    /// any RFC 2822 date.
    pub(crate) fn from_http_date(text: &str) -> Result<Timestamp, TimestampError> {
        let bad = |error: &dyn std::fmt::Display| TimestampError::new(format!("`{text}` is not an HTTP date: {error}"));
        // RFC 2822 has no fractional seconds: parse them separately.
        let (whole, nanos) = match split_fraction(text) {
            Some((whole, nanos)) => (whole, nanos),
            None => (text.to_owned(), 0),
        };
        let parsed = jiff::fmt::rfc2822::DateTimeParser::new()
            .parse_timestamp(whole.trim())
            .map_err(|error| bad(&error))?;
        Timestamp::from_secs_and_nanos(parsed.as_second(), nanos)
    }

    /// `Tue, 14 Nov 2023 22:13:20.123 GMT` to the text without `.123` and
    /// 123 ms in nanoseconds.
    fn split_fraction(text: &str) -> Option<(String, u32)> {
        let dot = text.find('.')?;
        let digits = text[dot + 1..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || !text[..dot].ends_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let fraction = &text[dot + 1..dot + 1 + digits];
        let nanos = format!("{:0<9}", &fraction[..digits.min(9)]).parse().ok()?;
        Some((format!("{}{}", &text[..dot], &text[dot + 1 + digits..]), nanos))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn http_dates_print_and_parse_with_and_without_fractions() {
            let whole = Timestamp::from_secs(1_700_000_000).unwrap();
            assert_eq!(to_http_date(&whole), "Tue, 14 Nov 2023 22:13:20 GMT");
            assert_eq!(from_http_date("Tue, 14 Nov 2023 22:13:20 GMT").unwrap(), whole);
            let fraction = Timestamp::from_secs_and_nanos(1_700_000_000, 123_000_000).unwrap();
            assert_eq!(to_http_date(&fraction), "Tue, 14 Nov 2023 22:13:20.123 GMT");
            assert_eq!(from_http_date("Tue, 14 Nov 2023 22:13:20.123 GMT").unwrap(), fraction);
            assert!(from_http_date("yesterday").is_err());
        }

        #[test]
        fn date_times_accept_offsets_and_print_utc() {
            let ts = from_date_time("2023-11-14T23:13:20.5+01:00").unwrap();
            assert_eq!(to_date_time(&ts), "2023-11-14T22:13:20.5Z");
            assert!(from_date_time("14/11/2023").is_err());
        }
    }
}

/// The epoch-seconds wire form (the default for JSON protocols).
pub(crate) mod epoch_seconds {
    use super::{NANOS_PER_SEC, Timestamp, TimestampError};

    /// Reads a JSON number of seconds, recovering the decimal the service
    /// wrote from the `f64` the JSON reader produced.
    ///
    /// A JSON reader turns `1700000000.123` into the nearest `f64`,
    /// `1700000000.1229999065...`. The shortest decimal that maps back to that
    /// `f64` is the text the service wrote whenever it wrote at most 15
    /// significant digits, which covers milliseconds for every supported year.
    pub(crate) fn from_f64(value: f64) -> Result<Timestamp, TimestampError> {
        if !value.is_finite() || value.abs() > 4e11 {
            return Err(TimestampError::new(format!(
                "{value} seconds from the Unix epoch is outside the supported range (years -9999 to 9999)"
            )));
        }
        // Fast path: a whole number of milliseconds, checked exactly.
        // Rounded half away from zero by hand: `f64::round` is a library
        // call on baseline x86-64. Within ±4e14 after the range check, so
        // exact in both i64 and f64.
        let scaled = value * 1000.0;
        let millis = (scaled + 0.5f64.copysign(scaled)) as i64;
        if millis as f64 / 1000.0 == value {
            return Timestamp::from_millis(millis);
        }
        from_decimal(&format!("{value}"))
    }

    /// Parses a plain decimal such as `-12.5` (as `f64`'s `Display` writes
    /// it: no exponent), rounding beyond nanoseconds to the nearest.
    fn from_decimal(text: &str) -> Result<Timestamp, TimestampError> {
        let nanos = decimal_nanos(text, true)
            .ok_or_else(|| TimestampError::new(format!("`{text}` is not a number of seconds")))?;
        Timestamp::from_total_nanos(nanos)
    }

    /// The nanoseconds of a plain decimal, `[-]digits[.digits]`: digits past
    /// nanoseconds round to the nearest when `round`, else are cut off.
    fn decimal_nanos(text: &str, round: bool) -> Option<i128> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
        if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) {
            return None;
        }
        let mut nanos: i128 = 0;
        for (index, digit) in fraction.bytes().map(|byte| i128::from(byte - b'0')).enumerate() {
            if index == 9 {
                nanos += i128::from(round && digit >= 5);
                break;
            }
            nanos = nanos * 10 + digit;
        }
        // `fraction` has at most 9 digits' worth in `nanos`; scale the rest.
        let scale = 10_i128.pow(9 - fraction.len().min(9) as u32);
        let total = whole
            .parse::<i128>()
            .ok()?
            .checked_mul(NANOS_PER_SEC)?
            .checked_add(nanos * scale)?;
        Some(if negative { -total } else { total })
    }

    /// The value to write: an integer when there is no fraction, otherwise the
    /// `f64` nearest to the exact decimal, which JSON writers print in
    /// shortest form (`1700000000.123`).
    pub(crate) enum Wire {
        Integer(i64),
        Fraction(f64),
    }

    /// The exact decimal, for places where epoch seconds travel as text
    /// (labels, query strings, headers): `1700000000.123`.
    pub(crate) fn to_text(timestamp: &Timestamp) -> String {
        let nanos = timestamp.total_nanos();
        let sign = if nanos < 0 { "-" } else { "" };
        let magnitude = nanos.unsigned_abs();
        let whole = magnitude / NANOS_PER_SEC as u128;
        let fraction = magnitude % NANOS_PER_SEC as u128;
        if fraction == 0 {
            format!("{sign}{whole}")
        } else {
            let digits = format!("{fraction:09}");
            format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
        }
    }

    /// Reads the exact decimal of [`to_text`]: `1700000000.123`, `-1.5`;
    /// digits beyond nanoseconds are cut off.
    pub(crate) fn from_text(text: &str) -> Result<Timestamp, TimestampError> {
        let invalid = || TimestampError::new(format!("`{text}` is not a number of seconds since the Unix epoch"));
        let whole = text
            .strip_prefix('-')
            .unwrap_or(text)
            .split('.')
            .next()
            .unwrap_or_default();
        if whole.len() > 15 {
            return Err(invalid());
        }
        Timestamp::from_total_nanos(decimal_nanos(text, false).ok_or_else(invalid)?)
    }

    pub(crate) fn to_wire(timestamp: &Timestamp) -> Wire {
        let (secs, nanos) = timestamp.parts();
        if nanos == 0 {
            return Wire::Integer(secs);
        }
        if nanos % 1_000_000 == 0 {
            // Exact integers below 2^53 divided once: correctly rounded.
            return Wire::Fraction(timestamp.as_millis() as f64 / 1000.0);
        }
        let nanos = timestamp.total_nanos();
        let sign = if nanos < 0 { "-" } else { "" };
        let magnitude = nanos.unsigned_abs();
        let text = format!(
            "{sign}{}.{:09}",
            magnitude / NANOS_PER_SEC as u128,
            magnitude % NANOS_PER_SEC as u128
        );
        // Rust's float parsing is correctly rounded.
        Wire::Fraction(text.parse().unwrap_or(0.0))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn fractional_seconds_decode_to_the_written_decimal() {
            let ts = from_f64(1700000000.123).unwrap();
            assert_eq!((ts.secs(), ts.subsec_nanos()), (1_700_000_000, 123_000_000));
            let ts = from_f64(1.7000000001E9).unwrap();
            assert_eq!((ts.secs(), ts.subsec_nanos()), (1_700_000_000, 100_000_000));
            let ts = from_f64(1700000000.123456).unwrap();
            assert_eq!((ts.secs(), ts.subsec_nanos()), (1_700_000_000, 123_456_000));
            let ts = from_f64(-1.5).unwrap();
            assert_eq!((ts.secs(), ts.subsec_nanos()), (-2, 500_000_000));
            let ts = from_f64(0.000_000_000_4).unwrap();
            assert_eq!(ts, Timestamp::UNIX_EPOCH);
        }

        #[test]
        fn out_of_range_seconds_are_errors() {
            assert!(from_f64(1e300).is_err());
            assert!(from_f64(f64::NAN).is_err());
            let max = Timestamp::MAX.secs() as f64;
            assert_eq!(from_f64(max + 0.999).unwrap().subsec_nanos(), 999_000_000);
            assert!(from_f64(max + 1.0).is_err());
            let min = Timestamp::MIN.secs() as f64;
            assert!(from_f64(min).is_ok());
            assert!(from_f64(min - 1.0).is_err());
        }

        #[test]
        fn every_constructor_reaches_both_ends_of_the_range() {
            for end in [Timestamp::MIN, Timestamp::MAX] {
                assert_eq!(Timestamp::from_secs(end.secs()).unwrap().secs(), end.secs());
                assert_eq!(
                    Timestamp::from_millis(end.as_millis()).unwrap().as_millis(),
                    end.as_millis()
                );
                let exact = Timestamp::from_secs_and_nanos(end.secs(), end.subsec_nanos()).unwrap();
                assert_eq!(exact, end);
            }
            assert!(Timestamp::from_secs(Timestamp::MAX.secs() + 1).is_err());
            assert!(Timestamp::from_secs(Timestamp::MIN.secs() - 1).is_err());
            assert!(Timestamp::from_millis(Timestamp::MAX.as_millis() + 1).is_err());
        }

        /// What the `wire` fuzz target found, without the JSON reader: an
        /// instant read from any `f64` is written back as that `f64`.
        #[test]
        fn sub_microsecond_instants_read_from_the_wire_are_written_back_the_same() {
            // As the JSON reader gets them: the nearest `f64` to each text.
            for text in [
                "100070000.004455541412",
                "1447000005.055111111",
                "1700000000.123456789",
                "-1.000000001",
            ] {
                let seconds: f64 = text.parse().unwrap();
                let read = from_f64(seconds).unwrap();
                let Wire::Fraction(written) = to_wire(&read) else {
                    panic!("{seconds} has a fraction");
                };
                assert_eq!(from_f64(written).unwrap(), read, "{seconds} written as {written}");
            }
        }

        #[test]
        fn fractions_encode_to_the_nearest_f64_of_the_exact_decimal() {
            let ts = Timestamp::from_secs_and_nanos(1_700_000_000, 123_000_000).unwrap();
            assert!(matches!(to_wire(&ts), Wire::Fraction(v) if v == 1700000000.123));
            let ts = Timestamp::from_secs_and_nanos(1_700_000_000, 123_456_000).unwrap();
            assert!(matches!(to_wire(&ts), Wire::Fraction(v) if v == 1700000000.123456));
            let ts = Timestamp::from_secs_and_nanos(-2, 500_000_000).unwrap();
            assert!(matches!(to_wire(&ts), Wire::Fraction(v) if v == -1.5));
            let ts = Timestamp::from_secs(1_700_000_000).unwrap();
            assert!(matches!(to_wire(&ts), Wire::Integer(1_700_000_000)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_time_round_trips() {
        let ts = Timestamp::from_secs_and_nanos(1_700_000_000, 123_456_789).unwrap();
        let system = SystemTime::try_from(ts).unwrap();
        assert_eq!(
            system.duration_since(SystemTime::UNIX_EPOCH).unwrap(),
            std::time::Duration::new(1_700_000_000, 123_456_789)
        );
        assert_eq!(Timestamp::try_from(system).unwrap(), ts);
        let before = Timestamp::from_secs_and_nanos(-2, 500_000_000).unwrap();
        assert_eq!(
            Timestamp::try_from(SystemTime::try_from(before).unwrap()).unwrap(),
            before
        );
    }

    #[test]
    fn display_is_rfc3339_in_utc() {
        assert_eq!(Timestamp::from_secs(0).unwrap().to_string(), "1970-01-01T00:00:00Z");
        assert_eq!(
            Timestamp::from_secs_and_nanos(-2, 500_000_000).unwrap().to_string(),
            "1969-12-31T23:59:58.5Z"
        );
        assert_eq!(Timestamp::MAX.to_string(), "9999-12-30T22:00:00.999999999Z");
    }

    #[test]
    fn nanos_must_be_below_one_second() {
        assert!(Timestamp::from_secs_and_nanos(0, 1_000_000_000).is_err());
    }
}
