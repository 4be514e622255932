//! [`SortedMap`]: the maps of the client's runtime, as sorted vectors.
//!
//! Endpoint parameters, resolved headers, profiles and their keys number a
//! handful each. A `BTreeMap` instantiates its node machinery (search,
//! split, merge, iteration, drop: about 3,000 lines of LLVM IR) for every
//! key and value type, and the crate is rebuilt whenever its model is; a
//! sorted vector costs a fraction of that, and is as fast at these sizes.

use std::borrow::Borrow;

/// A map ordered by key, kept as a sorted vector of entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap { entries: Vec::new() }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    fn position<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(entry, _)| entry.borrow().cmp(key))
    }

    /// The value of `key`.
    pub(crate) fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.position(key).ok().map(|index| &self.entries[index].1)
    }

    /// Sets `key` to `value`, returning the value it replaces.
    pub(crate) fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.position(&key) {
            Ok(index) => Some(std::mem::replace(&mut self.entries[index].1, value)),
            Err(index) => {
                self.entries.insert(index, (key, value));
                None
            }
        }
    }

    /// The value of `key`, inserted from `value` first if it has none.
    pub(crate) fn get_or_insert_with(&mut self, key: K, value: impl FnOnce() -> V) -> &mut V {
        let index = match self.position(&key) {
            Ok(index) => index,
            Err(index) => {
                self.entries.insert(index, (key, value()));
                index
            }
        };
        &mut self.entries[index].1
    }

    /// Unsets `key`, returning its value.
    pub(crate) fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.position(key).ok().map(|index| self.entries.remove(index).1)
    }

    /// The keys, in order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(key, _)| key)
    }

    /// The entries, in key order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.entries.iter().map(|(key, value)| (key, value))
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    /// The entries, the last value of a repeated key winning, as with `insert`.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        let mut map = SortedMap::default();
        for (key, value) in entries {
            map.insert(key, value);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::SortedMap;

    #[test]
    fn entries_stay_sorted_and_a_repeated_key_keeps_the_last_value() {
        let mut map: SortedMap<String, u32> = [("b", 2), ("a", 1), ("b", 3)]
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect();
        assert_eq!(map.keys().map(String::as_str).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(map.get("b"), Some(&3));
        assert_eq!(map.insert("c".to_owned(), 4), None);
        assert_eq!(map.insert("a".to_owned(), 5), Some(1));
        *map.get_or_insert_with("d".to_owned(), || 0) += 6;
        *map.get_or_insert_with("d".to_owned(), || 100) += 1;
        assert_eq!(map.remove("b"), Some(3));
        assert_eq!(
            map.iter()
                .map(|(key, value)| (key.as_str(), *value))
                .collect::<Vec<_>>(),
            [("a", 5), ("c", 4), ("d", 7)]
        );
        assert_eq!(map.get("zz"), None);
    }
}
