//! The serde scaffolding every generated type shares: `Encode` with
//! `Serialize` through it, `Decode` with `Deserialize` through it.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::Emitter;

impl Emitter<'_> {
    /// `Encode` with `body` (which writes `self` to `serializer`), and
    /// `Serialize` through it.
    pub(super) fn encode_impls(&self, name: &Ident, body: TokenStream) -> TokenStream {
        let private = self.private();
        let serde = self.serde();
        quote! {
            impl #private::Encode for #name {
                fn encode<__S: #serde::Serializer>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #body
                }
            }

            impl #serde::Serialize for #name {
                fn serialize<__S: #serde::Serializer>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #private::Encode::encode(self, serializer)
                }
            }
        }
    }

    /// `Decode` through a visitor that expects `expecting`, is started with
    /// `deserializer.#start(...)` and has the visit methods `methods` (the
    /// location is `self.0`), and `Deserialize` through it.
    pub(super) fn decode_impls(
        &self,
        name: &Ident,
        expecting: &str,
        start: TokenStream,
        methods: TokenStream,
    ) -> TokenStream {
        let private = self.private();
        let serde = self.serde();
        quote! {
            impl<'de> #private::Decode<'de> for #name {
                fn decode<__D: #serde::Deserializer<'de>>(deserializer: __D, at: #private::At) -> ::core::result::Result<Self, __D::Error> {
                    struct __Visitor(#private::At);

                    impl<'de> #serde::de::Visitor<'de> for __Visitor {
                        type Value = #name;

                        fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                            self.0.expecting(f, #expecting)
                        }

                        #methods
                    }

                    deserializer.#start(__Visitor(at))
                }
            }

            impl<'de> #serde::Deserialize<'de> for #name {
                fn deserialize<__D: #serde::Deserializer<'de>>(deserializer: __D) -> ::core::result::Result<Self, __D::Error> {
                    <Self as #private::Decode<'de>>::decode(deserializer, #private::At::TOP)
                }
            }
        }
    }

    /// `impl HttpText`, so that values can travel in labels and query strings.
    pub(super) fn http_text_impl(&self, name: &Ident, text: TokenStream) -> TokenStream {
        let private = self.private();
        quote! {
            impl #private::HttpText for #name {
                fn write_http(&self, out: &mut ::std::string::String, _format: #private::TimestampFormat) {
                    out.push_str(#text);
                }
            }
        }
    }
}
