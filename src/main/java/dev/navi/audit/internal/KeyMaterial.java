package dev.navi.audit.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys derived from one audit key (HKDF-SHA256): one for AES-256-GCM, one for the chain's
 * HMAC-SHA256 and one for the subject's blind index, so no key serves two purposes.
 */
record KeyMaterial(String id, SecretKey encryption, SecretKey mac, SecretKey subjectIndex) {

    static final int KEY_BYTES = 32;
    private static final byte[] SALT = "navi-audit-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Derives the keys from the base64 of 32 bytes. */
    static KeyMaterial derive(String id, String base64) {
        byte[] material;
        try {
            material = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Audit key '" + id + "' is not valid base64");
        }
        if (material.length != KEY_BYTES) {
            throw new IllegalStateException("Audit key '" + id + "' must be " + KEY_BYTES + " bytes (base64 of "
                    + KEY_BYTES + " random bytes, e.g. `openssl rand -base64 32`), not " + material.length);
        }
        try {
            var kdf = KDF.getInstance("HKDF-SHA256");
            return new KeyMaterial(
                    id,
                    new SecretKeySpec(expand(kdf, material, "encryption"), "AES"),
                    new SecretKeySpec(expand(kdf, material, "chain-mac"), "HmacSHA256"),
                    new SecretKeySpec(expand(kdf, material, "subject-index"), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the audit keys", e);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private static byte[] expand(KDF kdf, byte[] material, String purpose) throws GeneralSecurityException {
        var spec = HKDFParameterSpec.ofExtract()
                .addIKM(material)
                .addSalt(SALT)
                .thenExpand(purpose.getBytes(java.nio.charset.StandardCharsets.US_ASCII), KEY_BYTES);
        return kdf.deriveData(spec);
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + id + "]";
    }
}
