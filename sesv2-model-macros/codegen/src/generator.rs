//! Formatted source from a model's files, for a `build.rs` and the
//! command-line tool: the same engine and options as the proc macro, written
//! to a file.

use std::path::{Path, PathBuf};

use crate::{Config, Derive, Error, Errors, Generated, ModelFiles, Rename, RequiredMembers};

/// Generates formatted Rust source for a model, for a `build.rs` or a
/// project that commits its generated code. The model is assembled from
/// any number of `.smithy` and `.json` files and directories of them
/// ([`Generator::model_path`] adds more).
///
/// In `build.rs`:
///
/// ```no_run
/// // build.rs, in `fn main()`:
/// sesv2_model_codegen::Generator::new("models/sesv2.json")
///     .operation("GetImportJob")
///     .derive_for("com.amazonaws.sesv2#ImportDataSource", ["Eq", "Hash"])
///     .write_to_out_dir("sesv2.rs")
///     .unwrap_or_else(|errors| panic!("{errors}"));
/// ```
///
/// and in the crate, next to the types' runtime dependency on `sesv2-model`:
///
/// ```text
/// include!(concat!(env!("OUT_DIR"), "/sesv2.rs"));
/// ```
///
/// The items are the ones `smithy_model!` generates for the same options;
/// only the way cargo learns to rebuild differs (`cargo::rerun-if-changed`
/// here, a reference to each model file in the macro's output).
#[derive(Clone, Debug)]
pub struct Generator {
    models: Vec<PathBuf>,
    config: Config,
}

impl Generator {
    /// A generator for the model at `model`, a file or a directory of
    /// `.smithy` and `.json` files; a relative path starts at the current
    /// directory, which for a build script is the package's root.
    ///
    /// Without operations or shapes, it generates the whole service.
    pub fn new(model: impl Into<PathBuf>) -> Generator {
        Generator {
            models: vec![model.into()],
            config: Config::default(),
        }
    }

    /// Adds another file or directory to the model, as Smithy assembles
    /// one model from many files.
    pub fn model_path(mut self, path: impl Into<PathBuf>) -> Generator {
        self.models.push(path.into());
        self
    }

    /// Generates an operation's input, output, errors and every shape they
    /// reach; see [`Config::operations`].
    pub fn operation(mut self, name: impl Into<String>) -> Generator {
        self.config.operations.push(name.into());
        self
    }

    /// Generates a shape, by absolute id, and every shape it reaches.
    pub fn shape(mut self, id: impl Into<String>) -> Generator {
        self.config.shapes.push(id.into());
        self
    }

    /// Adds derives to every generated structure, union and enum; see [`Derive`].
    pub fn derive<I, S>(mut self, traits: I) -> Generator
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.config.derives.push(Derive {
            traits: traits.into_iter().map(Into::into).collect(),
            shape: None,
        });
        self
    }

    /// Adds derives to one shape, by absolute id, and to the structures,
    /// unions and enums it contains; see [`Derive`].
    pub fn derive_for<I, S>(mut self, shape: impl Into<String>, traits: I) -> Generator
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.config.derives.push(Derive {
            traits: traits.into_iter().map(Into::into).collect(),
            shape: Some(shape.into()),
        });
        self
    }

    /// Gives a shape, by absolute id, a Rust name of the caller's choosing.
    pub fn rename(mut self, shape: impl Into<String>, name: impl Into<String>) -> Generator {
        self.config.renames.push(Rename {
            shape: shape.into(),
            name: name.into(),
        });
        self
    }

    /// Decodes a missing `@required` member to its zero value instead of
    /// failing; see [`RequiredMembers`].
    pub fn client_error_correction(mut self, enabled: bool) -> Generator {
        self.config.required_members = if enabled {
            RequiredMembers::ClientErrorCorrection
        } else {
            RequiredMembers::Reject
        };
        self
    }

    /// Also generates what the runtime's client needs to call the service
    /// (its `client` feature): the service's endpoint rules and signing
    /// name, and each operation's endpoint parameters; see
    /// [`Config::client`].
    pub fn client(mut self, enabled: bool) -> Generator {
        self.config.client = enabled;
        self
    }

    /// Also generates a `protocol_tests` module with one `#[test]` per
    /// client case of the model's `smithy.test#httpRequestTests` and
    /// `httpResponseTests` traits (on operations and error structures).
    /// The file compiles and runs as the whole `src/lib.rs` of a crate
    /// that depends on this runtime alone.
    pub fn protocol_tests(mut self, enabled: bool) -> Generator {
        self.config.protocol_tests = enabled;
        self
    }

    /// The crate the generated code takes its runtime from (`sesv2_model`
    /// unless the caller re-exports it under another name).
    pub fn runtime_crate(mut self, name: impl Into<String>) -> Generator {
        self.config.runtime_crate = name.into();
        self
    }

    /// Replaces every option at once, for a tool that builds its [`Config`]
    /// itself (the command-line tool does).
    pub fn with_config(mut self, config: Config) -> Generator {
        self.config = config;
        self
    }

    /// The engine configuration this generator runs with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The first model file or directory.
    pub fn model(&self) -> &Path {
        &self.models[0]
    }

    /// Every model file and directory, in the order given.
    pub fn models(&self) -> &[PathBuf] {
        &self.models
    }

    /// Generates the code; its [`Generated::source`] is formatted and starts
    /// with a comment saying it is generated and from which model files.
    pub fn generate(&self) -> Result<Generated, Errors> {
        self.generate_from(&ModelFiles::read(&self.models)?)
    }

    fn generate_from(&self, files: &ModelFiles) -> Result<Generated, Errors> {
        let mut generated = crate::generate_files(&self.config, files)?;
        let formatted = crate::to_source(&generated).map_err(|error| {
            Error::model(format!(
                "internal error: the generated code does not parse ({error}); please report it"
            ))
        })?;
        let names: Vec<String> = self
            .models
            .iter()
            .map(|model| {
                let name = model.file_name().map_or_else(
                    || model.display().to_string(),
                    |name| name.to_string_lossy().into_owned(),
                );
                format!("`{name}`")
            })
            .collect();
        generated.source = format!(
            "// @generated by sesv2-model-codegen from {}. Do not edit: regenerate instead.\n\n{formatted}",
            names.join(", ")
        );
        Ok(generated)
    }

    /// Generates the code into `path`. The file is left untouched when it
    /// already holds exactly that code, so that nothing that depends on it
    /// rebuilds for nothing.
    pub fn write(&self, path: impl AsRef<Path>) -> Result<Generated, Errors> {
        self.write_from(&ModelFiles::read(&self.models)?, path.as_ref())
    }

    fn write_from(&self, files: &ModelFiles, path: &Path) -> Result<Generated, Errors> {
        let generated = self.generate_from(files)?;
        if std::fs::read(path).ok().as_deref() != Some(generated.source.as_bytes()) {
            std::fs::write(path, &generated.source)
                .map_err(|error| Error::model(format!("cannot write `{}`: {error}", path.display())))?;
        }
        Ok(generated)
    }

    /// For a build script: generates the code into `file_name` inside
    /// `OUT_DIR`, and tells cargo to run the script again when any model
    /// file or directory given, or any file read, changes. Returns the path
    /// written.
    pub fn write_to_out_dir(&self, file_name: impl AsRef<Path>) -> Result<PathBuf, Errors> {
        let out_dir = std::env::var_os("OUT_DIR").ok_or_else(|| {
            Error::model("OUT_DIR is not set: `write_to_out_dir` is for build scripts; use `write` elsewhere")
        })?;
        // Cargo scans a directory for changes, which catches files added.
        for model in &self.models {
            println!("cargo::rerun-if-changed={}", model.display());
        }
        let files = ModelFiles::read(&self.models)?;
        for file in files.files() {
            if !self.models.iter().any(|model| model == file.path()) {
                println!("cargo::rerun-if-changed={}", file.path().display());
            }
        }
        let path = Path::new(&out_dir).join(file_name);
        self.write_from(&files, &path)?;
        Ok(path)
    }
}
