//! AWS Signature Version 4: signing requests in headers and presigning them in the query string.
