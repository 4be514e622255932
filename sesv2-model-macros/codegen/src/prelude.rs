//! The prelude (`smithy.api`) as the loader needs it: every shape's name and
//! type, so that relative ids resolve to it and a trait applied without a
//! value gets the empty value its type calls for. The typed model knows the
//! simple shapes itself (see `resolve`); the prelude's shapes never appear
//! in an assembled model.

/// The prelude's namespace.
pub(crate) const NAMESPACE: &str = "smithy.api";

/// The trait that makes a shape a mixin.
pub(crate) const MIXIN_TRAIT: &str = "smithy.api#mixin";

/// The shape id of the prelude's unit type.
pub(crate) const UNIT: &str = "smithy.api#Unit";

/// Every prelude shape by name, sorted, with its JSON AST type.
const SHAPES: &[(&str, &str)] = &[
    ("AuthTraitReference", "string"),
    ("BigDecimal", "bigDecimal"),
    ("BigInteger", "bigInteger"),
    ("Blob", "blob"),
    ("Boolean", "boolean"),
    ("Byte", "byte"),
    ("ClosureId", "string"),
    ("CommonMark", "string"),
    ("Document", "document"),
    ("Double", "double"),
    ("EnumConstantBodyName", "string"),
    ("EnumDefinition", "structure"),
    ("Example", "structure"),
    ("ExampleError", "structure"),
    ("Float", "float"),
    ("HttpApiKeyLocations", "enum"),
    ("IdempotentErrors", "list"),
    ("Identifier", "string"),
    ("Integer", "integer"),
    ("LocalMixinTrait", "string"),
    ("LocalMixinTraitList", "list"),
    ("Long", "long"),
    ("Namespaces", "list"),
    ("NonEmptyString", "string"),
    ("NonEmptyStringList", "list"),
    ("NonEmptyStringMap", "map"),
    ("PrimitiveBoolean", "boolean"),
    ("PrimitiveByte", "byte"),
    ("PrimitiveDouble", "double"),
    ("PrimitiveFloat", "float"),
    ("PrimitiveInteger", "integer"),
    ("PrimitiveLong", "long"),
    ("PrimitiveShort", "short"),
    ("Reference", "structure"),
    ("Renames", "map"),
    ("RequestCompressionEncodingsList", "list"),
    ("Severity", "enum"),
    ("ShapeClosure", "structure"),
    ("ShapeClosures", "list"),
    ("Short", "short"),
    ("String", "string"),
    ("StructurallyExclusive", "enum"),
    ("Timestamp", "timestamp"),
    ("TraitChangeType", "enum"),
    ("TraitDiffRule", "structure"),
    ("TraitDiffRules", "list"),
    ("TraitShapeId", "string"),
    ("TraitShapeIdList", "list"),
    ("TraitValidator", "structure"),
    ("Unit", "structure"),
    ("addedDefault", "structure"),
    ("auth", "list"),
    ("authDefinition", "structure"),
    ("box", "structure"),
    ("clientOptional", "structure"),
    ("cors", "structure"),
    ("default", "document"),
    ("deprecated", "structure"),
    ("documentation", "string"),
    ("endpoint", "structure"),
    ("enum", "list"),
    ("enumValue", "document"),
    ("error", "enum"),
    ("eventHeader", "structure"),
    ("eventPayload", "structure"),
    ("examples", "list"),
    ("externalDocumentation", "map"),
    ("hostLabel", "structure"),
    ("http", "structure"),
    ("httpApiKeyAuth", "structure"),
    ("httpBasicAuth", "structure"),
    ("httpBearerAuth", "structure"),
    ("httpChecksumRequired", "structure"),
    ("httpDigestAuth", "structure"),
    ("httpError", "integer"),
    ("httpHeader", "string"),
    ("httpLabel", "structure"),
    ("httpPayload", "structure"),
    ("httpPrefixHeaders", "string"),
    ("httpQuery", "string"),
    ("httpQueryParams", "structure"),
    ("httpResponseCode", "structure"),
    ("idRef", "structure"),
    ("idempotencyToken", "structure"),
    ("idempotent", "structure"),
    ("input", "structure"),
    ("internal", "structure"),
    ("jsonName", "string"),
    ("length", "structure"),
    ("longPoll", "structure"),
    ("mediaType", "string"),
    ("metadata", "structure"),
    ("mixin", "structure"),
    ("nestedProperties", "structure"),
    ("noReplace", "structure"),
    ("notProperty", "structure"),
    ("optionalAuth", "structure"),
    ("output", "structure"),
    ("paginated", "structure"),
    ("pattern", "string"),
    ("private", "structure"),
    ("property", "structure"),
    ("protocolDefinition", "structure"),
    ("range", "structure"),
    ("readonly", "structure"),
    ("recommended", "structure"),
    ("references", "list"),
    ("requestCompression", "structure"),
    ("required", "structure"),
    ("requiresLength", "structure"),
    ("resourceIdentifier", "string"),
    ("retryable", "structure"),
    ("sensitive", "structure"),
    ("since", "string"),
    ("sparse", "structure"),
    ("streaming", "structure"),
    ("suppress", "list"),
    ("tags", "list"),
    ("timestampFormat", "enum"),
    ("title", "string"),
    ("trait", "structure"),
    ("traitValidators", "map"),
    ("uniqueItems", "structure"),
    ("unitType", "structure"),
    ("unstable", "structure"),
    ("xmlAttribute", "structure"),
    ("xmlFlattened", "structure"),
    ("xmlName", "string"),
    ("xmlNamespace", "structure"),
];

/// The type of the prelude shape `name` (`String`, `required`, ...).
pub(crate) fn kind(name: &str) -> Option<&'static str> {
    SHAPES
        .binary_search_by(|(candidate, _)| (*candidate).cmp(name))
        .ok()
        .map(|index| SHAPES[index].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_so_that_lookups_find_every_shape() {
        assert!(SHAPES.windows(2).all(|pair| pair[0].0 < pair[1].0));
        assert!(SHAPES.iter().all(|(name, kind)| super::kind(name) == Some(kind)));
        assert_eq!(kind("required"), Some("structure"));
        assert_eq!(kind("tags"), Some("list"));
        assert_eq!(kind("Unit"), Some("structure"));
        assert_eq!(kind("NotAPreludeShape"), None);
    }
}
