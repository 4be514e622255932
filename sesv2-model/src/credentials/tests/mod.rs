//! Tests of the credentials module, with helpers: temporary shared files,
//! injected environments, and a `block_on` over std alone.

mod file_format;
mod providers;
mod shared_config;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

use super::{Credentials, CredentialsError, Env, ProvideCredentials};

pub(super) const ACCESS_KEY_ID: &str = "AKIDEXAMPLE";
pub(super) const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
pub(super) const TOKEN: &str = "AQoDYXdzEJr1K2EXAMPLESESSIONTOKEN";

/// Runs a future to completion on this thread, parking while it is pending.
pub(crate) fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(thread::current())));
    let mut context = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        match future.as_mut().poll(&mut context) {
            Poll::Ready(output) => return output,
            Poll::Pending => thread::park(),
        }
    }
}

pub(super) fn provide(provider: &dyn ProvideCredentials) -> Result<Credentials, CredentialsError> {
    block_on(provider.provide_credentials())
}

/// A directory of its own under the system temp dir, removed on drop, that
/// stands in for a home directory.
pub(super) struct TempHome {
    path: PathBuf,
}

impl TempHome {
    pub(super) fn new() -> TempHome {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let unique = format!(
            "sesv2-model-credentials-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(unique);
        std::fs::create_dir_all(path.join(".aws")).expect("the temp dir is writable");
        TempHome { path }
    }

    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `~/.aws/config`.
    pub(super) fn config(self, text: &str) -> TempHome {
        self.write(".aws/config", text);
        self
    }

    /// Writes `~/.aws/credentials`.
    pub(super) fn credentials(self, text: &str) -> TempHome {
        self.write(".aws/credentials", text);
        self
    }

    pub(super) fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.path.join(relative);
        std::fs::write(&path, text).expect("the temp dir is writable");
        path
    }

    /// An environment with `HOME` here, plus `vars`.
    pub(super) fn env(&self, vars: &[(&str, &str)]) -> Env {
        let home = self.path.to_str().expect("temp paths are UTF-8 here").to_owned();
        let vars = vars.iter().map(|(name, value)| (name.to_string(), value.to_string()));
        Env::from_vars(std::iter::once(("HOME".to_owned(), home)).chain(vars))
    }
}

impl Drop for TempHome {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Fails when any rendering of `error` holds one of the example secrets.
pub(super) fn assert_no_secret(text: &str) {
    for secret in [SECRET, TOKEN, "wJalr", "AQoDYXdz"] {
        assert!(!text.contains(secret), "a secret leaked into: {text}");
    }
}
