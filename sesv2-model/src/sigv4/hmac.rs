//! HMAC-SHA256 (RFC 2104) on the crate's own SHA-256.
//!
//! SigV4 derives its signing key and the signature with five HMACs of short
//! messages, so the two extra copies into one buffer cost nothing worth a
//! streaming SHA-256 interface.

use crate::__private::digest::sha256;

/// SHA-256's block size in bytes: the length HMAC pads its key to.
const BLOCK: usize = 64;

/// The HMAC-SHA256 of `message` under `key`.
pub(crate) fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    // Keys longer than a block are hashed first (RFC 2104 §2); shorter ones
    // are padded with zeros to the block size.
    let mut block_key = [0_u8; BLOCK];
    if key.len() > BLOCK {
        block_key[..32].copy_from_slice(&sha256(key));
    } else {
        block_key[..key.len()].copy_from_slice(key);
    }

    let mut inner = Vec::with_capacity(BLOCK + message.len());
    inner.extend(block_key.iter().map(|byte| byte ^ 0x36));
    inner.extend_from_slice(message);
    let inner_digest = sha256(&inner);

    let mut outer = [0_u8; BLOCK + 32];
    for (pad, byte) in outer.iter_mut().zip(block_key) {
        *pad = byte ^ 0x5c;
    }
    outer[BLOCK..].copy_from_slice(&inner_digest);
    sha256(&outer)
}

/// Lowercase hexadecimal, as SigV4 writes hashes and signatures.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4231 §4: (key, data, HMAC-SHA-256). Case 5 tests truncated
    /// output, which SigV4 never uses, so it is left out.
    fn rfc_4231_cases() -> Vec<(Vec<u8>, Vec<u8>, &'static str)> {
        vec![
            (
                vec![0x0b; 20],
                b"Hi There".to_vec(),
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            ),
            (
                b"Jefe".to_vec(),
                b"what do ya want for nothing?".to_vec(),
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            ),
            (
                vec![0xaa; 20],
                vec![0xdd; 50],
                "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
            ),
            (
                (0x01..=0x19).collect(),
                vec![0xcd; 50],
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
            ),
            (
                vec![0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First".to_vec(),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            ),
            (
                vec![0xaa; 131],
                b"This is a test using a larger than block-size key and a larger than block-size data. \
                  The key needs to be hashed before being used by the HMAC algorithm."
                    .to_vec(),
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
            ),
        ]
    }

    #[test]
    fn hmac_sha256_matches_the_rfc_4231_vectors() {
        for (number, (key, data, expected)) in rfc_4231_cases().into_iter().enumerate() {
            assert_eq!(hex(&hmac_sha256(&key, &data)), expected, "RFC 4231 case {}", number + 1);
        }
    }

    #[test]
    fn a_key_of_exactly_one_block_is_used_without_hashing() {
        // 64 bytes is the boundary: padded, not hashed. Computed with
        // Python's hmac module.
        let key = [0x61_u8; 64];
        assert_eq!(
            hex(&hmac_sha256(&key, b"message")),
            "6117f44d3e99fd884a6c9dc786e91e812c2a7b1c6240231edfcfe60343ff61cb"
        );
    }

    #[test]
    fn hex_writes_lowercase_pairs() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
        assert_eq!(hex(&[]), "");
    }
}
