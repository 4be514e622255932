$version: "2"

// A small restJson1 service whose operations carry their own protocol
// compliance cases (`smithy.test`), in the form of Smithy's suites: the
// tests crate generates them with `Generator::protocol_tests` and runs them
// with its unit tests.
namespace example.greetings

use aws.protocols#restJson1
use smithy.test#httpRequestTests
use smithy.test#httpResponseTests

@restJson1
service Greetings {
    version: "2024-01-01"
    operations: [SayHello, PostCard, GetCard]
    errors: [Throttled]
}

/// Greets someone by name, in a mood, in any number of languages.
@http(method: "POST", uri: "/greetings/{name}?style=short")
@httpRequestTests([
    {
        id: "SayHelloPutsEachMemberWhereItIsBound"
        documentation: "Label, query list, header list with a quoted element, HTTP date, body."
        protocol: restJson1
        method: "POST"
        uri: "/greetings/Ada%20L."
        queryParams: ["style=short", "lang=en", "lang=fr", "since=2024-02-29T12%3A00%3A00Z"]
        headers: {
            "X-Tags": "plain, \"with, comma\""
            "X-Sent": "Thu, 29 Feb 2024 12:00:00 GMT"
            "Content-Type": "application/json"
        }
        requireHeaders: ["Content-Length"]
        forbidHeaders: ["X-Unset"]
        body: "{\"mood\":\"HAPPY\",\"token\":\"00000000-0000-4000-8000-000000000000\"}"
        bodyMediaType: "application/json"
        params: {
            name: "Ada L."
            languages: ["en", "fr"]
            since: 1709208000
            tags: ["plain", "with, comma"]
            sent: 1709208000
            mood: "HAPPY"
        }
    }
    {
        id: "SayHelloKeepsAGivenToken"
        protocol: restJson1
        method: "POST"
        uri: "/greetings/Bo"
        forbidQueryParams: ["lang", "since"]
        body: "{\"token\":\"mine\"}"
        bodyMediaType: "application/json"
        params: { name: "Bo", token: "mine" }
    }
])
@httpResponseTests([
    {
        id: "SayHelloReadsHeadersStatusAndBody"
        protocol: restJson1
        code: 201
        headers: { "X-Count": "3", "X-Meta-Color": "red", "X-Meta-Size": "L" }
        body: "{\"text\":\"Hello, Ada\",\"ratio\":\"NaN\"}"
        bodyMediaType: "application/json"
        params: { text: "Hello, Ada", count: 3, status: 201, ratio: "NaN", meta: { color: "red", size: "L" } }
    }
])
operation SayHello {
    input := {
        @required
        @httpLabel
        name: String

        @httpQuery("lang")
        languages: Languages

        @httpQuery("since")
        since: Timestamp

        @httpHeader("X-Tags")
        tags: Tags

        @httpHeader("X-Sent")
        sent: Timestamp

        @httpHeader("X-Unset")
        unset: String

        mood: Mood

        @idempotencyToken
        token: String
    }
    output := {
        text: String

        ratio: Double

        @httpHeader("X-Count")
        count: Integer

        @httpResponseCode
        status: Integer

        @httpPrefixHeaders("X-Meta-")
        meta: Meta
    }
    errors: [Rude]
}

/// Posts a card: the card is the whole body, sent to the recipient's host.
@http(method: "PUT", uri: "/cards")
@endpoint(hostPrefix: "{recipient}.cards.")
@httpRequestTests([
    {
        id: "PostCardSendsTheImageAsTheBody"
        protocol: restJson1
        method: "PUT"
        uri: "/cards"
        host: "example.com"
        resolvedHost: "ada.cards.example.com"
        headers: { "Content-Type": "image/png", "X-Caption": "SGkgdGhlcmU=" }
        body: "PNG bytes"
        params: { recipient: "ada", image: "PNG bytes", caption: "Hi there" }
    }
])
operation PostCard {
    input := {
        @required
        @hostLabel
        @httpHeader("X-Recipient")
        recipient: String

        @httpPayload
        image: Png

        @httpHeader("X-Caption")
        caption: Caption
    }
}

/// Reads a card back: a structure payload.
@readonly
@http(method: "GET", uri: "/cards/{id}")
@httpResponseTests([
    {
        id: "GetCardReadsTheStructurePayload"
        protocol: restJson1
        code: 200
        headers: { "Content-Type": "application/json" }
        body: "{\"from\":\"Bo\",\"languages\":[\"en\"]}"
        bodyMediaType: "application/json"
        params: { card: { from: "Bo", languages: ["en"] } }
    }
    {
        id: "GetCardWithoutBodyHasNoCard"
        protocol: restJson1
        code: 200
        body: ""
        params: {}
    }
])
operation GetCard {
    input := {
        @required
        @httpLabel
        id: String
    }
    output := {
        @httpPayload
        card: Card
    }
}

structure Card {
    from: String
    languages: Languages
}

@error("client")
@httpError(400)
@httpResponseTests([
    {
        id: "RudeReadsItsHeaderAndBody"
        protocol: restJson1
        code: 400
        headers: { "X-Amzn-Errortype": "example.greetings#Rude:http://internal/", "X-Reason": "manners" }
        body: "{\"message\":\"Say please\"}"
        bodyMediaType: "application/json"
        params: { message: "Say please", reason: "manners" }
    }
])
structure Rude {
    message: String

    @httpHeader("X-Reason")
    reason: String
}

@error("client")
@httpError(429)
@httpResponseTests([
    {
        id: "ThrottledIsReadFromTheBodyType"
        protocol: restJson1
        code: 429
        body: "{\"__type\":\"Throttled\",\"message\":\"Slow down\"}"
        bodyMediaType: "application/json"
        params: { message: "Slow down" }
    }
])
structure Throttled {
    message: String
}

enum Mood {
    HAPPY
    GRUMPY
}

list Languages {
    member: String
}

list Tags {
    member: String
}

map Meta {
    key: String
    value: String
}

@mediaType("image/png")
blob Png

@mediaType("text/plain")
string Caption
