//! Stage 1: model files to documents. A `.json` file is a JSON AST, read
//! into the raw AST as written; a `.smithy` file is IDL, parsed into its
//! syntax, whose relative shape ids only resolve once every file is read.

mod idl;
mod json;

pub(crate) mod syntax;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::ast::RawModel;
use crate::error::{Diagnostics, Error, Errors};
use syntax::IdlFile;

/// The files a model is assembled from, read into memory: `.smithy` (IDL)
/// and `.json` (JSON AST), in any mix, as Smithy assembles them.
#[derive(Clone, Debug, Default)]
pub struct ModelFiles {
    files: Vec<ModelFile>,
}

/// One file of a model.
#[derive(Clone, Debug)]
pub struct ModelFile {
    path: PathBuf,
    text: String,
    idl: bool,
}

impl ModelFile {
    /// The path it was read from, or the name it was given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn new(path: PathBuf, text: String) -> ModelFile {
        let idl = path.extension().is_some_and(|extension| extension == "smithy");
        ModelFile { path, text, idl }
    }

    /// A model handed over as bytes, without a file: IDL unless it starts
    /// like a JSON object. Messages name no file.
    fn unnamed(text: String) -> ModelFile {
        let idl = !text.trim_start().starts_with('{');
        ModelFile {
            path: PathBuf::new(),
            text,
            idl,
        }
    }
}

impl ModelFiles {
    /// No files yet.
    pub fn new() -> ModelFiles {
        ModelFiles::default()
    }

    /// Reads each path: a file (whatever its extension, `.smithy` meaning
    /// IDL and anything else a JSON AST) or a directory, whose `.smithy` and
    /// `.json` files are read recursively, in name order. A file reached
    /// twice is read once. Every file that cannot be read is reported.
    pub fn read<I, P>(paths: I) -> Result<ModelFiles, Errors>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<Path>,
    {
        let mut files = ModelFiles::new();
        let mut problems = Diagnostics::default();
        let mut seen = HashSet::new();
        for path in paths {
            files.read_path(path.as_ref(), true, &mut seen, &mut problems);
        }
        if files.files.is_empty() && problems.is_empty() {
            problems.model("no model files: give at least one `.smithy` or `.json` file, or a directory holding them");
        }
        problems.finish(files)
    }

    fn read_path(&mut self, path: &Path, named: bool, seen: &mut HashSet<PathBuf>, problems: &mut Diagnostics) {
        if path.is_dir() {
            let entries = match std::fs::read_dir(path) {
                Ok(entries) => entries,
                Err(error) => {
                    problems.model(format!("cannot read the model directory `{}`: {error}", path.display()));
                    return;
                }
            };
            let mut children: Vec<PathBuf> = entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .collect();
            children.sort();
            for child in children {
                self.read_path(&child, false, seen, problems);
            }
            return;
        }
        let is_model = path
            .extension()
            .is_some_and(|extension| extension == "smithy" || extension == "json");
        if !named && !is_model {
            return;
        }
        // A file named twice (itself and in its directory, say) is one file.
        let identity = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        if !seen.insert(identity) {
            return;
        }
        match std::fs::read_to_string(path) {
            Ok(text) => self.files.push(ModelFile::new(path.to_owned(), text)),
            Err(error) => problems.model(format!("cannot read the model file `{}`: {error}", path.display())),
        }
    }

    /// Adds a file from memory; a `path` ending in `.smithy` is IDL, any
    /// other a JSON AST.
    pub fn push(&mut self, path: impl Into<PathBuf>, text: impl Into<String>) -> &mut ModelFiles {
        self.files.push(ModelFile::new(path.into(), text.into()));
        self
    }

    /// The files, in the order they were given (a directory's in name order).
    pub fn files(&self) -> &[ModelFile] {
        &self.files
    }

    /// One document handed over as bytes, without a file.
    pub(crate) fn unnamed(bytes: &[u8]) -> Result<ModelFiles, Errors> {
        let text = std::str::from_utf8(bytes)
            .map_err(|error| Error::model(format!("the model is not valid UTF-8: {error}")))?;
        Ok(ModelFiles {
            files: vec![ModelFile::unnamed(text.to_owned())],
        })
    }
}

/// One file, parsed.
pub(crate) enum Document<'a> {
    Json { path: Arc<str>, model: RawModel<'a> },
    Idl(IdlFile),
}

/// Files smaller than this together are parsed on the calling thread.
const PARSE_THRESHOLD: usize = 256 * 1024;

/// Parses every file, on every core for a large model, reporting each
/// file's first syntax error.
pub(crate) fn parse(files: &ModelFiles) -> Result<Vec<Document<'_>>, Errors> {
    let runs = crate::parallel::map_runs(
        &files.files,
        |file| file.text.len(),
        PARSE_THRESHOLD,
        |run| run.iter().map(parse_file).collect::<Vec<_>>(),
    );
    let mut documents = Vec::with_capacity(files.files.len());
    let mut problems = Diagnostics::default();
    for parsed in runs.into_iter().flatten() {
        match parsed {
            Ok(document) => documents.push(document),
            Err(error) => problems.push(error),
        }
    }
    problems.finish(documents)
}

fn parse_file(file: &ModelFile) -> Result<Document<'_>, Error> {
    let path: Arc<str> = file.path.display().to_string().into();
    if file.idl {
        return idl::parse(path, &file.text).map(Document::Idl);
    }
    json::parse(file.text.as_bytes())
        .map(|model| Document::Json {
            path: path.clone(),
            model,
        })
        .map_err(|error| {
            // serde_json's message says the line and column already.
            let named = Error::in_file(&path, None, error.message());
            match error.location() {
                Some(location) => named.at(&path, location.line, location.column),
                None => named,
            }
        })
}
