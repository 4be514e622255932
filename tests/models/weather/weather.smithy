$version: "2"
$operationInputSuffix: "Request"
$operationOutputSuffix: "Response"

metadata owners = ["weather-team"]

namespace example.weather

use example.common#audited
use example.common#Coordinates
use example.common#Paged

/// Forecasts for cities.
///
/// The service's documentation, from a documentation comment.
@audited(team: "weather", level: 2)
service Weather {
    version: "2026-11-29"
    resources: [City]
    operations: [GetCurrentTime]
    errors: [ServiceUnavailable]
}

resource City {
    identifiers: { cityId: CityId }
    properties: { name: String, coordinates: Coordinates }
    read: GetCity
    list: ListCities
    resources: [Forecast]
}

@pattern("^[A-Za-z0-9 ]+$")
string CityId

resource Forecast {
    identifiers: { cityId: CityId }
    read: GetForecast
}

@readonly
operation GetCity {
    input := for City {
        @required
        @httpLabel
        $cityId
    }

    output := for City {
        @required
        $name

        $coordinates
    }

    errors: [NoSuchResource]
}

@readonly
@paginated(items: "items")
operation ListCities {
    input := with [Paged] {}

    output := with [Paged] {
        @required
        items: CitySummaries
    }
}

list CitySummaries {
    member: CitySummary
}

structure CitySummary for City {
    @required
    $cityId

    @required
    $name
}

@readonly
operation GetForecast {
    input := for Forecast {
        @required
        $cityId

        /// How many days ahead, counting today.
        days: Days = 3
    }

    output := {
        /// Temperatures in degrees, by day.
        temperatures: Temperatures

        sky: Sky = "CLEAR"

        warning: Warning

        precipitation: Precipitation
    }
}

@range(min: 1, max: 10)
integer Days

list Temperatures {
    member: Float
}

enum Sky {
    CLEAR
    CLOUDY = "cloudy"
    /// Rain, snow or hail.
    PRECIPITATING = "precipitating"
}

intEnum Severity {
    ADVISORY = 1
    WATCH = 2
    WARNING = 3
}

/// A weather warning.
union Warning {
    severity: Severity
    text: String
}

/// How much falls, by kind.
map Precipitation {
    key: PrecipitationKind
    value: Millimeters
}

enum PrecipitationKind {
    RAIN = "rain"
    SNOW = "snow"
}

@readonly
operation GetCurrentTime {
    output := {
        @required
        time: Timestamp
    }
}

@error("client")
@httpError(404)
structure NoSuchResource {
    @required
    resourceType: String
}

@error("server")
@retryable
structure ServiceUnavailable {
    message: String
}

// Applied from another file as well: `units.json` adds `@documentation`.
apply CityId @length(min: 1, max: 64)

apply CitySummary$name {
    @length(min: 1)
}
