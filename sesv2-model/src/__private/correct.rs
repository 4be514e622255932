//! Smithy's client error correction: the value a required member takes when
//! a misbehaving service leaves it out.

use std::collections::HashMap;

use crate::{BigDecimal, BigInteger, Blob, Timestamp};

/// The value of a required member that is missing from a response, when the
/// generated code was asked to correct such errors rather than reject them.
pub trait Correct {
    /// `""`, `0`, `false`, the epoch, empty bytes or collections, an enum's or
    /// union's unknown variant, or a structure of corrected members.
    fn corrected() -> Self;
}

macro_rules! correct_with_default {
    ($($ty:ty),*) => {$(
        impl Correct for $ty {
            fn corrected() -> Self {
                <$ty>::default()
            }
        }
    )*};
}

correct_with_default!(String, bool, i8, i16, i32, i64, f32, f64, Blob);

impl Correct for Timestamp {
    fn corrected() -> Self {
        Timestamp::UNIX_EPOCH
    }
}

impl<T> Correct for Vec<T> {
    fn corrected() -> Self {
        Vec::new()
    }
}

impl<K, V> Correct for HashMap<K, V> {
    fn corrected() -> Self {
        HashMap::new()
    }
}

impl<T: Correct> Correct for Box<T> {
    fn corrected() -> Self {
        Box::new(T::corrected())
    }
}

impl Correct for serde_json::Value {
    fn corrected() -> Self {
        serde_json::Value::Null
    }
}

impl Correct for BigInteger {
    fn corrected() -> Self {
        BigInteger::from(0_i64)
    }
}

impl Correct for BigDecimal {
    fn corrected() -> Self {
        BigDecimal::from(0_i64)
    }
}
