//! SHA-256 and MD5 of whole messages, on the RustCrypto crates' block
//! compression functions.
//!
//! The crates' `Digest` front end is generic over block sizes and output
//! lengths; every use of it instantiates that machinery in the crate that
//! calls it, which made the runtime measurably slower to compile. The
//! padding of both hashes (RFC 6234 §4.1, RFC 1321 §3.1–3.2) is the same
//! few lines, written once here.

const BLOCK: usize = 64;

/// The blocks of `message` padded Merkle–Damgård style: the bit `1`, zeros,
/// and the message's length in bits as 8 bytes (`length_bytes` orders them).
fn for_each_block(message: &[u8], length_bytes: fn(u64) -> [u8; 8], mut compress: impl FnMut(&[[u8; BLOCK]])) {
    let (whole, rest) = message.as_chunks::<BLOCK>();
    compress(whole);
    let mut tail = [0_u8; 2 * BLOCK];
    tail[..rest.len()].copy_from_slice(rest);
    tail[rest.len()] = 0x80;
    // The length goes in the last 8 bytes of one block, or of two when the
    // remainder leaves no room for it after the `1` bit.
    let blocks = if rest.len() < BLOCK - 8 { 1 } else { 2 };
    let end = blocks * BLOCK;
    // A message of more than 2^61 bytes cannot exist in memory.
    let bits = (message.len() as u64).wrapping_mul(8);
    tail[end - 8..end].copy_from_slice(&length_bytes(bits));
    compress(tail[..end].as_chunks::<BLOCK>().0);
}

/// The SHA-256 digest of `message`.
pub(crate) fn sha256(message: &[u8]) -> [u8; 32] {
    let mut state: [u32; 8] = [
        0x6a09_e667,
        0xbb67_ae85,
        0x3c6e_f372,
        0xa54f_f53a,
        0x510e_527f,
        0x9b05_688c,
        0x1f83_d9ab,
        0x5be0_cd19,
    ];
    for_each_block(message, u64::to_be_bytes, |blocks| {
        sha2::block_api::compress256(&mut state, blocks)
    });
    let mut digest = [0_u8; 32];
    for (bytes, word) in digest.chunks_exact_mut(4).zip(state) {
        bytes.copy_from_slice(&word.to_be_bytes());
    }
    digest
}

/// The MD5 digest of `message`.
pub(crate) fn md5(message: &[u8]) -> [u8; 16] {
    let mut state: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];
    for_each_block(message, u64::to_le_bytes, |blocks| {
        md5::block_api::compress(&mut state, blocks)
    });
    let mut digest = [0_u8; 16];
    for (bytes, word) in digest.chunks_exact_mut(4).zip(state) {
        bytes.copy_from_slice(&word.to_le_bytes());
    }
    digest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|byte| format!("{byte:02x}")).collect()
    }

    #[test]
    fn sha256_matches_the_fips_180_examples() {
        assert_eq!(
            hex(&sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(&sha256(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
    }

    #[test]
    fn digests_agree_with_the_crates_at_every_padding_boundary() {
        use md5::Digest as _;
        for length in (0..=200).chain([1024 * 1024 - 1, 1024 * 1024]) {
            let message: Vec<u8> = (0..length).map(|index| (index % 251) as u8).collect();
            assert_eq!(
                sha256(&message),
                <[u8; 32]>::from(sha2::Sha256::digest(&message)),
                "SHA-256 of {length} bytes"
            );
            assert_eq!(
                md5(&message),
                <[u8; 16]>::from(md5::Md5::digest(&message)),
                "MD5 of {length} bytes"
            );
        }
    }

    #[test]
    fn md5_matches_the_rfc_1321_examples() {
        assert_eq!(hex(&md5(b"")), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(hex(&md5(b"abc")), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(
            hex(&md5(
                b"12345678901234567890123456789012345678901234567890123456789012345678901234567890"
            )),
            "57edf4a22be3c955ac49da2e2107b67a"
        );
    }
}
