//! Safe mode (安全模式) and compatible mode (兼容模式): WeChat's message
//! encryption and the XML it travels in (PROTOCOL.md §3).
//!
//! - key = base64(EncodingAESKey + "="), decoded leniently (real keys end in a
//!   character with non-zero trailing bits); IV = key[0..16]; AES-256-CBC.
//! - plaintext = 16 random bytes ‖ u32 big-endian length of the message in
//!   UTF-8 bytes ‖ message ‖ appid, PKCS#7-padded to a multiple of 32 bytes.
//! - `Encrypt` = base64(ciphertext); `msg_signature` = SHA-1 over the sorted
//!   token, timestamp, nonce and `Encrypt` ([`Signature::msg`]).
//!
//! Decryption checks every step and names the one that failed: a wrong key
//! mostly shows up as bad padding or an impossible length field, a message
//! meant for another account as an appid mismatch.

use super::signature::{fresh_nonce, now_timestamp, Signature};
use super::xml::{Element, XmlError};
use aes::cipher::generic_array::GenericArray;
use aes::cipher::{BlockDecryptMut, BlockEncryptMut, KeyIvInit};
use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};
use base64::engine::DecodePaddingMode;
use base64::{DecodeError, Engine as _};
use std::fmt;

/// Characters in an EncodingAESKey.
pub const ENCODING_KEY_LEN: usize = 43;
/// The block PKCS#7 pads to: 32 bytes, twice the AES block.
pub const PAD_BLOCK: usize = 32;
/// Random bytes in front of every message.
pub const RANDOM_LEN: usize = 16;
/// The AES block size; every ciphertext is a multiple of it.
const AES_BLOCK: usize = 16;
/// Random bytes plus the length field.
const HEADER_LEN: usize = RANDOM_LEN + 4;

/// Accepts non-zero trailing bits and any padding, as WeChat's own SDKs do.
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

type Encryptor = cbc::Encryptor<aes::Aes256>;
type Decryptor = cbc::Decryptor<aes::Aes256>;

/// Everything that can go wrong with a key, an `Encrypt` value or an encrypted body.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("{}", key_length_message(*.len, *.first_bad))]
    KeyLength { len: usize, first_bad: Option<(usize, char)> },
    #[error("EncodingAESKey may hold only letters and digits, but character {position} is '{}'", .ch.escape_debug())]
    KeyCharacter { position: usize, ch: char },
    #[error("EncodingAESKey does not decode to 32 bytes")]
    KeyDecode,
    #[error("the Encrypt value is empty")]
    Empty,
    #[error("the Encrypt value is not base64: {0}")]
    NotBase64(Base64Problem),
    #[error("the ciphertext is {len} bytes, not a non-zero multiple of 16 (the AES block)")]
    CiphertextLength { len: usize },
    #[error("bad padding: the last byte is {value}, but PKCS#7 padding to 32-byte blocks ends in 1 to 32")]
    PaddingValue { value: u8 },
    #[error("bad padding: the last {value} bytes should all be {value}, but byte {position} from the end is {found}")]
    PaddingInconsistent { value: u8, position: usize, found: u8 },
    #[error("the decrypted text is {len} bytes after padding, too short for the 16 random bytes and the length field")]
    TooShort { len: usize },
    #[error("the length field says the message is {declared} bytes, but only {available} bytes follow it")]
    LengthField { declared: u32, available: usize },
    #[error("the decrypted message is not UTF-8 (invalid byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error("appid mismatch: the message carries '{}', expected '{}'", .found.escape_debug(), .expected.escape_debug())]
    AppIdMismatch { expected: String, found: String },
    #[error("msg_signature mismatch: expected {expected}, got {}", .given.escape_debug())]
    SignatureMismatch { expected: String, given: String },
    #[error("the body is not WeChat XML: {0}")]
    Xml(#[from] XmlError),
    #[error("the body has no <Encrypt> element")]
    NoEncrypt,
    #[error("the body has no <{0}> element")]
    MissingElement(&'static str),
}

impl CryptoError {
    /// A short stable name for the failure, for JSON reports and logs.
    pub fn kind(&self) -> &'static str {
        match self {
            CryptoError::KeyLength { .. } | CryptoError::KeyCharacter { .. } | CryptoError::KeyDecode => "aes_key",
            CryptoError::Empty => "empty",
            CryptoError::NotBase64(_) => "not_base64",
            CryptoError::CiphertextLength { .. } => "ciphertext_length",
            CryptoError::PaddingValue { .. } | CryptoError::PaddingInconsistent { .. } => "padding",
            CryptoError::TooShort { .. } | CryptoError::LengthField { .. } => "length_field",
            CryptoError::NotUtf8 { .. } => "not_utf8",
            CryptoError::AppIdMismatch { .. } => "appid_mismatch",
            CryptoError::SignatureMismatch { .. } => "msg_signature_mismatch",
            CryptoError::Xml(_) | CryptoError::NoEncrypt | CryptoError::MissingElement(_) => "body",
        }
    }

    /// Whether the failure is typical of a wrong EncodingAESKey: decryption
    /// "worked" but produced noise.
    pub fn suggests_wrong_key(&self) -> bool {
        matches!(
            self,
            CryptoError::PaddingValue { .. }
                | CryptoError::PaddingInconsistent { .. }
                | CryptoError::TooShort { .. }
                | CryptoError::LengthField { .. }
                | CryptoError::NotUtf8 { .. }
        )
    }
}

fn key_length_message(len: usize, first_bad: Option<(usize, char)>) -> String {
    let mut text = format!("EncodingAESKey must be {ENCODING_KEY_LEN} letters and digits, but it has {len} characters");
    if let Some((position, ch)) = first_bad {
        text.push_str(&format!(" and character {position} is '{}'", ch.escape_debug()));
    }
    text
}

/// Why a string is not base64, in terms of the string itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Base64Problem {
    /// A character outside the base64 alphabet (1-based position).
    Character { position: usize, ch: char },
    /// A length no base64 text can have.
    Length { len: usize },
    /// `=` where padding cannot be.
    Padding,
}

impl fmt::Display for Base64Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Base64Problem::Character { position, ch } => {
                write!(f, "character {position} is '{}'", ch.escape_debug())
            }
            Base64Problem::Length { len } => write!(f, "{len} symbols cannot be whole bytes (cut short?)"),
            Base64Problem::Padding => f.write_str("misplaced '=' padding"),
        }
    }
}

impl Base64Problem {
    fn from_decode(input: &str, err: DecodeError) -> Self {
        let at = |offset: usize| {
            let ch = input.get(offset..).and_then(|rest| rest.chars().next()).unwrap_or('\u{fffd}');
            let position = input.get(..offset).map_or(offset, |head| head.chars().count()) + 1;
            Base64Problem::Character { position, ch }
        };
        match err {
            DecodeError::InvalidByte(offset, _) | DecodeError::InvalidLastSymbol(offset, _) => at(offset),
            DecodeError::InvalidLength(len) => Base64Problem::Length { len },
            DecodeError::InvalidPadding => Base64Problem::Padding,
        }
    }
}

/// Decodes base64 the lenient way WeChat's SDKs do.
fn decode_lenient(input: &str) -> Result<Vec<u8>, CryptoError> {
    LENIENT.decode(input).map_err(|e| CryptoError::NotBase64(Base64Problem::from_decode(input, e)))
}

/// The AES key derived from an EncodingAESKey. Its Debug output hides the key.
#[derive(Clone, PartialEq, Eq)]
pub struct AesKey {
    key: [u8; 32],
}

impl AesKey {
    /// Checks and decodes an EncodingAESKey: exactly 43 characters of [A-Za-z0-9].
    pub fn from_encoding_key(encoding_key: &str) -> Result<AesKey, CryptoError> {
        let first_bad =
            encoding_key.chars().enumerate().find(|(_, c)| !c.is_ascii_alphanumeric()).map(|(i, c)| (i + 1, c));
        let len = encoding_key.chars().count();
        if len != ENCODING_KEY_LEN {
            return Err(CryptoError::KeyLength { len, first_bad });
        }
        if let Some((position, ch)) = first_bad {
            return Err(CryptoError::KeyCharacter { position, ch });
        }
        let bytes = LENIENT.decode(format!("{encoding_key}=")).map_err(|_| CryptoError::KeyDecode)?;
        let key = <[u8; 32]>::try_from(bytes).map_err(|_| CryptoError::KeyDecode)?;
        Ok(AesKey { key })
    }

    /// The 32 key bytes.
    pub fn bytes(&self) -> &[u8; 32] {
        &self.key
    }

    /// The IV: the first 16 key bytes.
    pub fn iv(&self) -> [u8; 16] {
        let mut iv = [0u8; 16];
        iv.copy_from_slice(&self.key[..16]);
        iv
    }

    fn encrypt_blocks(&self, buf: &mut [u8]) {
        let mut cipher = Encryptor::new(&self.key.into(), &self.iv().into());
        for block in buf.chunks_exact_mut(AES_BLOCK) {
            cipher.encrypt_block_mut(GenericArray::from_mut_slice(block));
        }
    }

    fn decrypt_blocks(&self, buf: &mut [u8]) {
        let mut cipher = Decryptor::new(&self.key.into(), &self.iv().into());
        for block in buf.chunks_exact_mut(AES_BLOCK) {
            cipher.decrypt_block_mut(GenericArray::from_mut_slice(block));
        }
    }
}

impl fmt::Debug for AesKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AesKey(…)")
    }
}

/// What decryption found, before the appid is compared with ours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decrypted {
    /// The message (the plaintext XML, or an echostr).
    pub message: String,
    /// The appid after the message (invalid UTF-8 replaced, for display).
    pub appid: String,
    /// The 16 random bytes in front.
    pub random: [u8; RANDOM_LEN],
    appid_bytes: Vec<u8>,
}

impl Decrypted {
    /// Whether the message is for this appid, byte for byte.
    pub fn appid_matches(&self, expected: &str) -> bool {
        self.appid_bytes == expected.as_bytes()
    }

    /// [`Decrypted::appid_matches`] as a result naming both appids.
    pub fn check_appid(&self, expected: &str) -> Result<(), CryptoError> {
        if self.appid_matches(expected) {
            Ok(())
        } else {
            Err(CryptoError::AppIdMismatch { expected: expected.to_owned(), found: self.appid.clone() })
        }
    }
}

/// One account's encryption: its key and its appid.
#[derive(Clone)]
pub struct MsgCrypt {
    key: AesKey,
    appid: String,
}

impl fmt::Debug for MsgCrypt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MsgCrypt").field("appid", &self.appid).finish_non_exhaustive()
    }
}

impl MsgCrypt {
    pub fn new(key: AesKey, appid: impl Into<String>) -> Self {
        MsgCrypt { key, appid: appid.into() }
    }

    /// [`AesKey::from_encoding_key`] and [`MsgCrypt::new`] in one step.
    pub fn from_encoding_key(encoding_key: &str, appid: impl Into<String>) -> Result<Self, CryptoError> {
        Ok(Self::new(AesKey::from_encoding_key(encoding_key)?, appid))
    }

    pub fn appid(&self) -> &str {
        &self.appid
    }

    pub fn key(&self) -> &AesKey {
        &self.key
    }

    /// Encrypts a message with 16 fresh random bytes in front; returns the `Encrypt` value.
    pub fn encrypt(&self, plaintext: &str) -> String {
        self.encrypt_with_prefix(rand::random(), plaintext)
    }

    /// Encrypts with the given random prefix (for reproducible output and tests).
    pub fn encrypt_with_prefix(&self, prefix: [u8; RANDOM_LEN], plaintext: &str) -> String {
        let mut buf = frame(&prefix, plaintext.as_bytes(), self.appid.as_bytes());
        self.key.encrypt_blocks(&mut buf);
        STANDARD.encode(buf)
    }

    /// Decrypts an `Encrypt` value and checks that it is for our appid.
    pub fn decrypt(&self, encrypt: &str) -> Result<String, CryptoError> {
        let decrypted = self.decrypt_any_appid(encrypt)?;
        decrypted.check_appid(&self.appid)?;
        Ok(decrypted.message)
    }

    /// Decrypts an `Encrypt` value without comparing its appid with ours (for
    /// diagnostics: the caller sees which appid the message carries).
    pub fn decrypt_any_appid(&self, encrypt: &str) -> Result<Decrypted, CryptoError> {
        let encrypt = encrypt.trim();
        if encrypt.is_empty() {
            return Err(CryptoError::Empty);
        }
        let mut buf = decode_lenient(encrypt)?;
        if buf.is_empty() || buf.len() % AES_BLOCK != 0 {
            return Err(CryptoError::CiphertextLength { len: buf.len() });
        }
        self.key.decrypt_blocks(&mut buf);
        let content = unpad(&buf)?;
        unframe(content)
    }

    /// An encrypted reply to send back to WeChat, signed over its own fresh
    /// timestamp and nonce.
    pub fn encrypt_reply(&self, token: &str, plaintext: &str) -> String {
        self.encrypt_reply_at(token, plaintext, &now_timestamp(), &fresh_nonce())
    }

    /// [`MsgCrypt::encrypt_reply`] with a given timestamp and nonce.
    pub fn encrypt_reply_at(&self, token: &str, plaintext: &str, timestamp: &str, nonce: &str) -> String {
        Envelope::signed_reply(token, self.encrypt(plaintext), timestamp, nonce).reply_xml()
    }
}

/// 16 random bytes ‖ u32 BE message length ‖ message ‖ appid, PKCS#7-padded to 32 bytes.
fn frame(prefix: &[u8; RANDOM_LEN], message: &[u8], appid: &[u8]) -> Vec<u8> {
    let framed = HEADER_LEN + message.len() + appid.len();
    let pad = PAD_BLOCK - framed % PAD_BLOCK;
    let mut buf = Vec::with_capacity(framed + pad);
    buf.extend_from_slice(prefix);
    // A message of 4 GiB or more cannot be framed; WeChat's own limit is far below.
    let len = u32::try_from(message.len()).unwrap_or(u32::MAX);
    buf.extend_from_slice(&len.to_be_bytes());
    buf.extend_from_slice(message);
    buf.extend_from_slice(appid);
    // `pad` is 1..=32, so it fits a byte.
    buf.resize(framed + pad, pad as u8);
    buf
}

/// Strips PKCS#7 padding to a 32-byte block, checking its value and every pad byte.
fn unpad(buf: &[u8]) -> Result<&[u8], CryptoError> {
    let Some(&value) = buf.last() else {
        return Err(CryptoError::TooShort { len: 0 });
    };
    let pad = usize::from(value);
    if pad == 0 || pad > PAD_BLOCK || pad > buf.len() {
        return Err(CryptoError::PaddingValue { value });
    }
    let (content, padding) = buf.split_at(buf.len() - pad);
    if let Some((i, &found)) = padding.iter().rev().enumerate().find(|(_, &b)| b != value) {
        return Err(CryptoError::PaddingInconsistent { value, position: i + 1, found });
    }
    Ok(content)
}

/// Splits the unpadded plaintext into random bytes, message and appid.
fn unframe(content: &[u8]) -> Result<Decrypted, CryptoError> {
    if content.len() < HEADER_LEN {
        return Err(CryptoError::TooShort { len: content.len() });
    }
    let (header, rest) = content.split_at(HEADER_LEN);
    let mut random = [0u8; RANDOM_LEN];
    random.copy_from_slice(&header[..RANDOM_LEN]);
    let declared = u32::from_be_bytes([header[16], header[17], header[18], header[19]]);
    let msg_len = usize::try_from(declared).unwrap_or(usize::MAX);
    if msg_len > rest.len() {
        return Err(CryptoError::LengthField { declared, available: rest.len() });
    }
    let (message, appid) = rest.split_at(msg_len);
    let message = std::str::from_utf8(message).map_err(|e| CryptoError::NotUtf8 { offset: e.valid_up_to() })?;
    Ok(Decrypted {
        message: message.to_owned(),
        appid: String::from_utf8_lossy(appid).into_owned(),
        random,
        appid_bytes: appid.to_vec(),
    })
}

/// Checks a `msg_signature` in constant time; a mismatch names both values.
pub fn check_msg_signature(
    token: &str,
    timestamp: &str,
    nonce: &str,
    encrypt: &str,
    given: &str,
) -> Result<Signature, CryptoError> {
    let expected = Signature::msg(token, timestamp, nonce, encrypt);
    if expected.matches(given) {
        Ok(expected)
    } else {
        Err(CryptoError::SignatureMismatch { expected: expected.to_string(), given: given.to_owned() })
    }
}

/// The encryption-related elements of a body: a safe- or compatible-mode
/// request (`ToUserName`, `Encrypt`) or an encrypted reply (`Encrypt`,
/// `MsgSignature`, `TimeStamp`, `Nonce`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Envelope {
    pub encrypt: String,
    pub msg_signature: Option<String>,
    pub timestamp: Option<String>,
    pub nonce: Option<String>,
    pub to_user_name: Option<String>,
}

impl Envelope {
    /// Reads the elements from a body; `<Encrypt>` must be there.
    pub fn parse(body: &str) -> Result<Envelope, CryptoError> {
        Self::from_element(&Element::parse_document(body)?)
    }

    /// Reads the elements from a parsed `<xml>` root.
    pub fn from_element(root: &Element) -> Result<Envelope, CryptoError> {
        let text = |name: &str| root.child_text(name).map(|t| t.trim().to_owned());
        Ok(Envelope {
            encrypt: text("Encrypt").ok_or(CryptoError::NoEncrypt)?,
            msg_signature: text("MsgSignature"),
            timestamp: text("TimeStamp"),
            nonce: text("Nonce"),
            to_user_name: text("ToUserName"),
        })
    }

    /// A reply carrying `encrypt`, signed over the given timestamp and nonce.
    pub fn signed_reply(token: &str, encrypt: String, timestamp: &str, nonce: &str) -> Envelope {
        let signature = Signature::msg(token, timestamp, nonce, &encrypt);
        Envelope {
            encrypt,
            msg_signature: Some(signature.to_string()),
            timestamp: Some(timestamp.to_owned()),
            nonce: Some(nonce.to_owned()),
            to_user_name: None,
        }
    }

    /// Renders the encrypted reply, one element a line as in WeChat's samples:
    /// `Encrypt`, then `MsgSignature`, `TimeStamp` and `Nonce` where present.
    pub fn reply_xml(&self) -> String {
        let mut children = vec![Element::text("Encrypt", self.encrypt.as_str())];
        if let Some(signature) = &self.msg_signature {
            children.push(Element::text("MsgSignature", signature.as_str()));
        }
        if let Some(timestamp) = &self.timestamp {
            children.push(Element::number("TimeStamp", timestamp));
        }
        if let Some(nonce) = &self.nonce {
            children.push(Element::text("Nonce", nonce.as_str()));
        }
        let mut out = String::from("<xml>\n");
        for child in &children {
            child.render_into(&mut out);
            out.push('\n');
        }
        out.push_str("</xml>");
        out
    }

    /// Checks the body's own `MsgSignature` over its `TimeStamp`, `Nonce` and `Encrypt`.
    pub fn check_signature(&self, token: &str) -> Result<Signature, CryptoError> {
        let given = self.msg_signature.as_deref().ok_or(CryptoError::MissingElement("MsgSignature"))?;
        let timestamp = self.timestamp.as_deref().ok_or(CryptoError::MissingElement("TimeStamp"))?;
        let nonce = self.nonce.as_deref().ok_or(CryptoError::MissingElement("Nonce"))?;
        check_msg_signature(token, timestamp, nonce, &self.encrypt, given)
    }
}

/// A safe-mode request body: `<xml><ToUserName/><Encrypt/></xml>`.
pub fn safe_request_xml(to_user_name: &str, encrypt: &str) -> String {
    Element::parent("xml", vec![Element::text("ToUserName", to_user_name), Element::text("Encrypt", encrypt)]).render()
}

/// A compatible-mode request body: every element of the plaintext message,
/// then `<Encrypt>` (replacing any `<Encrypt>` already there).
pub fn compat_request_xml(plain: &Element, encrypt: &str) -> String {
    let mut root = plain.clone();
    root.children.retain(|c| c.name != "Encrypt");
    root.children.push(Element::text("Encrypt", encrypt));
    root.render()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    const APPID: &str = "wx2c2769f8efd9abc2";

    fn crypt() -> MsgCrypt {
        MsgCrypt::from_encoding_key(KEY, APPID).unwrap()
    }

    /// Encrypts arbitrary padded plaintext bytes, to test what decryption makes of them.
    fn seal_raw(plain: &[u8]) -> String {
        let mut buf = plain.to_vec();
        crypt().key.encrypt_blocks(&mut buf);
        STANDARD.encode(buf)
    }

    #[test]
    fn padding_is_one_to_thirty_two() {
        for msg_len in 0..=96 {
            let message = "x".repeat(msg_len);
            let framed = frame(&[7; 16], message.as_bytes(), APPID.as_bytes());
            assert_eq!(framed.len() % PAD_BLOCK, 0);
            let pad = usize::from(*framed.last().unwrap());
            assert!((1..=32).contains(&pad), "{msg_len}: pad {pad}");
            assert_eq!(framed.len() - pad, HEADER_LEN + msg_len + APPID.len());
            assert_eq!(crypt().decrypt(&crypt().encrypt(&message)).unwrap(), message);
        }
    }

    #[test]
    fn aligned_text_gets_a_full_block_of_padding() {
        // 20 + 26 + 18 = 64: a whole extra block of 32 × 32.
        let framed = frame(&[0; 16], &[b'x'; 26], APPID.as_bytes());
        assert_eq!(framed.len(), 96);
        assert!(framed[64..].iter().all(|&b| b == 32));
        assert_eq!(unpad(&framed).unwrap().len(), 64);
    }

    #[test]
    fn padding_value_zero_or_above_thirty_two_is_refused() {
        let mut plain = frame(&[0; 16], b"hello", APPID.as_bytes());
        for bad in [0u8, 33, 200, 255] {
            *plain.last_mut().unwrap() = bad;
            assert_eq!(unpad(&plain), Err(CryptoError::PaddingValue { value: bad }));
            assert_eq!(crypt().decrypt(&seal_raw(&plain)), Err(CryptoError::PaddingValue { value: bad }));
        }
    }

    #[test]
    fn padding_longer_than_the_text_is_refused() {
        assert_eq!(unpad(&[20; 16]), Err(CryptoError::PaddingValue { value: 20 }));
        assert_eq!(unpad(&[]), Err(CryptoError::TooShort { len: 0 }));
    }

    #[test]
    fn inconsistent_padding_names_the_odd_byte() {
        let mut plain = frame(&[0; 16], b"hello", APPID.as_bytes());
        let pad = *plain.last().unwrap();
        assert!(pad >= 3);
        let len = plain.len();
        plain[len - 3] = pad + 1;
        assert_eq!(unpad(&plain), Err(CryptoError::PaddingInconsistent { value: pad, position: 3, found: pad + 1 }));
        // A 16-byte pad is not a 32-byte one: a 16-byte PKCS#7 implementation would accept this.
        let mut sixteen = vec![1u8; 32];
        sixteen[16..].fill(16);
        assert_eq!(unpad(&sixteen), Ok(&sixteen[..16]));
        sixteen[31] = 17;
        assert!(matches!(unpad(&sixteen), Err(CryptoError::PaddingInconsistent { .. })));
    }

    #[test]
    fn length_field_beyond_the_text_is_refused() {
        let mut plain = frame(&[0; 16], b"hello", APPID.as_bytes());
        plain[16..20].copy_from_slice(&1000u32.to_be_bytes());
        let err = crypt().decrypt(&seal_raw(&plain)).unwrap_err();
        assert_eq!(err, CryptoError::LengthField { declared: 1000, available: 5 + APPID.len() });
        plain[16..20].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(matches!(crypt().decrypt(&seal_raw(&plain)), Err(CryptoError::LengthField { .. })));
    }

    #[test]
    fn too_short_for_the_header() {
        // 16 bytes of content and 16 of padding.
        let mut plain = vec![0u8; 32];
        plain[16..].fill(16);
        assert_eq!(crypt().decrypt(&seal_raw(&plain)), Err(CryptoError::TooShort { len: 16 }));
    }

    #[test]
    fn ciphertext_must_be_whole_blocks() {
        assert_eq!(crypt().decrypt(&STANDARD.encode([0u8; 15])), Err(CryptoError::CiphertextLength { len: 15 }));
        let misplaced = Base64Problem::Character { position: 1, ch: '=' };
        assert_eq!(crypt().decrypt("===="), Err(CryptoError::NotBase64(misplaced)));
        assert_eq!(crypt().decrypt("  "), Err(CryptoError::Empty));
    }

    #[test]
    fn appid_may_be_empty_and_the_message_may_hold_anything() {
        let c = MsgCrypt::from_encoding_key(KEY, "").unwrap();
        for message in ["", "\0", "<xml>]]></xml>", "中文😀"] {
            assert_eq!(c.decrypt(&c.encrypt(message)).unwrap(), message);
        }
    }

    #[test]
    fn appid_mismatch_shows_both() {
        let other = MsgCrypt::from_encoding_key(KEY, "wxother").unwrap();
        let err = other.decrypt(&crypt().encrypt("hi")).unwrap_err();
        assert_eq!(err, CryptoError::AppIdMismatch { expected: "wxother".into(), found: APPID.into() });
        assert!(err.to_string().contains("wxother") && err.to_string().contains(APPID));
    }

    #[test]
    fn key_problems_are_named() {
        let err = AesKey::from_encoding_key("abc").unwrap_err();
        assert_eq!(err.to_string(), "EncodingAESKey must be 43 letters and digits, but it has 3 characters");
        let err = AesKey::from_encoding_key(&format!("{KEY}=")).unwrap_err();
        assert!(err.to_string().ends_with("it has 44 characters and character 44 is '='"), "{err}");
        let err = AesKey::from_encoding_key(&KEY.replacen('d', "+", 1)).unwrap_err();
        assert_eq!(err, CryptoError::KeyCharacter { position: 4, ch: '+' });
        let err = AesKey::from_encoding_key(&KEY.replacen('a', "中", 1)).unwrap_err();
        assert_eq!(err, CryptoError::KeyCharacter { position: 1, ch: '中' });
        assert_eq!(format!("{:?}", crypt()), "MsgCrypt { appid: \"wx2c2769f8efd9abc2\", .. }");
    }

    #[test]
    fn base64_problems_point_at_the_character() {
        let err = crypt().decrypt("abcd ef+").unwrap_err();
        assert_eq!(err, CryptoError::NotBase64(Base64Problem::Character { position: 5, ch: ' ' }));
        let err = crypt().decrypt("中文abcd").unwrap_err();
        assert_eq!(err, CryptoError::NotBase64(Base64Problem::Character { position: 1, ch: '中' }));
        assert_eq!(crypt().decrypt("abcde"), Err(CryptoError::NotBase64(Base64Problem::Length { len: 5 })));
    }

    #[test]
    fn reply_is_signed_over_its_own_timestamp_and_nonce() {
        let xml = crypt().encrypt_reply_at("tok", "<xml></xml>", "1700000000", "42");
        let envelope = Envelope::parse(&xml).unwrap();
        assert_eq!(envelope.timestamp.as_deref(), Some("1700000000"));
        assert!(envelope.check_signature("tok").is_ok());
        assert!(matches!(envelope.check_signature("other"), Err(CryptoError::SignatureMismatch { .. })));
        assert_eq!(crypt().decrypt(&envelope.encrypt).unwrap(), "<xml></xml>");
        let bare = Envelope { encrypt: "x".into(), ..Default::default() };
        assert_eq!(bare.check_signature("tok"), Err(CryptoError::MissingElement("MsgSignature")));
        assert_eq!(bare.reply_xml(), "<xml>\n<Encrypt><![CDATA[x]]></Encrypt>\n</xml>");
    }

    #[test]
    fn request_bodies() {
        assert_eq!(
            safe_request_xml("gh_1", "E"),
            "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[E]]></Encrypt></xml>"
        );
        let plain = Element::parse_document("<xml><MsgId>1</MsgId><Encrypt>old</Encrypt></xml>").unwrap();
        assert_eq!(compat_request_xml(&plain, "E"), "<xml><MsgId>1</MsgId><Encrypt><![CDATA[E]]></Encrypt></xml>");
        assert_eq!(Envelope::parse("<xml><MsgId>1</MsgId></xml>"), Err(CryptoError::NoEncrypt));
        assert!(matches!(Envelope::parse("not xml"), Err(CryptoError::Xml(_))));
    }
}
