//! A small async client for any generated service: endpoint, signing, retries, over a transport of your choice.
