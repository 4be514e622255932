//! A small async client for any generated service: endpoint, signing, retries, over a transport of your choice.

mod service;

pub use service::{Auth, Service, ServiceOperation};
