$version: "2.0"

namespace example.common

/// Who answers for a service.
@trait(selector: "service")
structure audited {
    @required
    team: String

    level: Integer
}

/// A point on the map.
structure Coordinates {
    @required
    latitude: Double

    @required
    longitude: Double
}

@mixin
structure Paged {
    nextToken: String

    @range(min: 1, max: 100)
    pageSize: Integer
}
