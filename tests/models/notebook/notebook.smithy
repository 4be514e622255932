$version: "2"

// A small awsJson1_0 service whose operations carry their own protocol
// compliance cases, generated and run by the tests crate like `greetings`.
namespace example.notebook

use aws.protocols#awsJson1_0
use smithy.test#httpRequestTests
use smithy.test#httpResponseTests

@awsJson1_0
service Notebook {
    version: "2024-06-01"
    operations: [AddNote, ListNotes]
}

/// Adds a note; members with HTTP traits travel in the body all the same.
@httpRequestTests([
    {
        id: "AddNoteIsAPostToTheRootWithItsTarget"
        protocol: awsJson1_0
        method: "POST"
        uri: "/"
        headers: {
            "X-Amz-Target": "Notebook.AddNote"
            "Content-Type": "application/x-amz-json-1.0"
        }
        requireHeaders: ["Content-Length"]
        body: "{\"title\":\"Groceries\",\"tags\":[\"home\"],\"due\":1709208000}"
        bodyMediaType: "application/json"
        params: { title: "Groceries", tags: ["home"], due: 1709208000 }
    }
])
@httpResponseTests([
    {
        id: "AddNoteReadsTheId"
        protocol: awsJson1_0
        code: 200
        headers: { "Content-Type": "application/x-amz-json-1.0" }
        body: "{\"id\":\"n-1\"}"
        bodyMediaType: "application/json"
        params: { id: "n-1" }
    }
])
operation AddNote {
    input := {
        @required
        @httpHeader("X-Title")
        title: String
        tags: Tags
        due: Timestamp
    }
    output := {
        id: String
    }
    errors: [NotebookFull]
}

/// Lists the notes: no input, so the body is `{}`.
@httpRequestTests([
    {
        id: "ListNotesSendsAnEmptyObject"
        protocol: awsJson1_0
        method: "POST"
        uri: "/"
        headers: { "X-Amz-Target": "Notebook.ListNotes", "Content-Type": "application/x-amz-json-1.0" }
        body: "{}"
        bodyMediaType: "application/json"
        params: {}
    }
])
@readonly
operation ListNotes {
    output := {
        titles: Tags
    }
}

@error("client")
@httpResponseTests([
    {
        id: "NotebookFullIsReadFromTheTypeWithItsNamespace"
        protocol: awsJson1_0
        code: 400
        headers: { "Content-Type": "application/x-amz-json-1.0" }
        body: "{\"__type\":\"example.notebook#NotebookFull\",\"message\":\"No room\",\"limit\":100}"
        bodyMediaType: "application/json"
        params: { message: "No room", limit: 100 }
    }
])
structure NotebookFull {
    message: String
    limit: Integer
}

list Tags {
    member: String
}
