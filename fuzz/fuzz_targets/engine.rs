//! The engine against any input: arbitrary bytes (libFuzzer's own
//! mutations), Smithy-aware mutations of real JSON AST models (`smithy.rs`)
//! and of IDL files (`idl.rs`). An input that does not start with `{` is
//! read as IDL.
//!
//! The engine must return, never panic or overflow its stack, and whatever
//! it returns as code must be valid Rust (it parses with syn). Inputs of
//! odd length also run with client error correction, whose code differs.
//! IDL inputs also go through `json_ast`, whose output must be JSON.

#![no_main]

mod idl;
mod smithy;

use libfuzzer_sys::{fuzz_mutator, fuzz_target, fuzzer_mutate};
use sesv2_model_codegen::{Config, ModelFiles, RequiredMembers, generate, json_ast};

fuzz_target!(|model: &[u8]| {
    let config = Config {
        required_members: if model.len() % 2 == 1 {
            RequiredMembers::ClientErrorCorrection
        } else {
            RequiredMembers::Reject
        },
        ..Config::default()
    };
    match generate(&config, model) {
        Ok(generated) => {
            if let Err(error) = syn::parse_file(&generated.source) {
                panic!(
                    "the engine returned code that does not parse: {error}\n{}",
                    generated.source
                );
            }
        }
        Err(errors) => {
            for error in &errors {
                assert!(!error.message().is_empty(), "an error without a message");
            }
        }
    }
    if let Ok(text) = std::str::from_utf8(model)
        && !text.trim_start().starts_with('{')
    {
        let mut files = ModelFiles::new();
        files.push("fuzz.smithy", text);
        if let Ok(ast) = json_ast(&files)
            // Syntax only: a number beyond `f64` is printed as written.
            && let Err(error) = serde_json::from_str::<serde::de::IgnoredAny>(&ast)
        {
            panic!("--ast printed something that is not JSON: {error}\n{ast}");
        }
    }
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    let mut rng = smithy::Rng::new(seed);
    // A third of the time, and whenever the input is neither JSON nor text,
    // libFuzzer's byte mutations, which find what no model-shaped input would.
    if rng.below(3) == 0 {
        return fuzzer_mutate(data, size, max_size);
    }
    let Ok(mut model) = serde_json::from_slice::<serde_json::Value>(&data[..size]) else {
        // IDL: mutated as text, when it is text.
        let Ok(text) = std::str::from_utf8(&data[..size]) else {
            return fuzzer_mutate(data, size, max_size);
        };
        let mut text = text.to_owned();
        for _ in 0..=rng.below(3) {
            idl::mutate(&mut text, &mut rng);
        }
        if text.len() > max_size {
            return fuzzer_mutate(data, size, max_size);
        }
        data[..text.len()].copy_from_slice(text.as_bytes());
        return text.len();
    };
    for _ in 0..=rng.below(3) {
        smithy::mutate(&mut model, &mut rng);
    }
    match serde_json::to_vec(&model) {
        Ok(bytes) if bytes.len() <= max_size => {
            data[..bytes.len()].copy_from_slice(&bytes);
            bytes.len()
        }
        _ => fuzzer_mutate(data, size, max_size),
    }
});
