//! Required members taken out of their slots in one `match` on all of them:
//! `match (slot, ..,) { (Some(__r_a), ..,) => value, (__r_a, ..,) => error }`.
//! A `?` per member would make rustc drop each remaining slot on a path of
//! its own, work that grows with the square of the member count.

use super::member::Field;

pub(super) struct RequiredMatch {
    /// Per required member: its binding, its slot, and what the error's
    /// list holds for it after `__r_a.is_none()`.
    members: Vec<(String, String, String)>,
}

impl RequiredMatch {
    /// `members`: each required field with its slot expression and its
    /// entry in the error's list.
    pub fn new<'f>(members: impl IntoIterator<Item = (&'f Field<'f>, String, String)>) -> RequiredMatch {
        RequiredMatch {
            members: members
                .into_iter()
                .map(|(field, slot, entry)| (binding(field), slot, entry))
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Writes the whole `match`, or only the value when no member is
    /// required: `value` writes the value (an `Ok(..)`), naming each
    /// required member by [`binding`]; `error` is the path of a function
    /// called with the leading `arguments` and the list of `(missing, entry)`.
    pub fn write(&self, out: &mut String, error: &str, arguments: &str, value: impl FnOnce(&mut String)) {
        if self.is_empty() {
            value(out);
            return;
        }
        out.push_str("match (");
        for (_, slot, _) in &self.members {
            emit!(out, "{slot}, ");
        }
        out.push_str(") {\n(");
        for (binding, _, _) in &self.members {
            emit!(out, "::core::option::Option::Some({binding}), ");
        }
        out.push_str(") => ");
        value(out);
        out.push_str(",\n(");
        for (binding, _, _) in &self.members {
            emit!(out, "{binding}, ");
        }
        emit!(out, ") => ::core::result::Result::Err({error}({arguments}&[");
        for (binding, _, entry) in &self.members {
            emit!(out, "({binding}.is_none(), {entry}), ");
        }
        out.push_str("])),\n}");
    }
}

/// The name a required member's value is bound to inside [`RequiredMatch`].
pub(super) fn binding(field: &Field<'_>) -> String {
    format!("__r_{}", field.ident.name)
}
