package dev.ocikit.spec.digest;

import java.nio.charset.StandardCharsets;

/** Known answers: SHA-2 computed with coreutils sha256sum/sha512sum, BLAKE3 from its spec. */
final class DigestVectors {
  static final String SHA256_EMPTY =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final String SHA256_ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  static final String SHA256_EMPTY_JSON =
      "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
  static final String SHA256_MILLION_A =
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
  static final String SHA256_PATTERN_4097 =
      "a16560d668b843fb3be99ace41dbd18471f342bd3255a1d21204b35e43f74436";
  static final String SHA512_EMPTY =
      "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
          + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";
  static final String SHA512_ABC =
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
          + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";
  static final String SHA512_PATTERN_4097 =
      "792d06a3e2418827f6059cd78dbb16d07bf86bfd3f542e326dac9fe5ed9e5037"
          + "cdd2ac00be625add28e0e2408aa6118671e9e57872c6b78a327b1692be444078";
  static final String BLAKE3_EMPTY =
      "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262";
  static final String BLAKE3_ABC =
      "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85";
  // BLAKE3 test_vectors.json (first 32 bytes of "hash"): inputs span several 1024-byte chunks.
  static final String BLAKE3_PATTERN_1024 =
      "42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7";
  static final String BLAKE3_PATTERN_1025 =
      "d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444";
  static final String BLAKE3_PATTERN_4097 =
      "9b4052b38f1c5fc8b1f9ff7ac7b27cd242487b3d890d15c96a1c25b8aa0fb995";

  private DigestVectors() {}

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** The BLAKE3 test-vector input: bytes 0, 1, …, 250 repeated. */
  static byte[] pattern(int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) (i % 251);
    }
    return out;
  }
}
