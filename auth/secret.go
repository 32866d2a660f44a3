package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// TokenPrefix starts every API token, so that a token pasted where it
// should not be (a log, a commit) is easy to recognize and scan for.
const TokenPrefix = "sitrep_"

// secretBytes is the entropy of every secret: tokens, session IDs and
// CSRF tokens. 256 random bits cannot be guessed, so one SHA-256 (no salt,
// no stretching) is enough to keep them safe at rest.
const secretBytes = 32

// secretLen is the length of a secret in unpadded base64url: 4 characters
// for every 3 bytes.
const secretLen = (secretBytes*8 + 5) / 6

// Password limits. bcrypt reads no more than 72 bytes, so a longer
// password is refused rather than silently cut.
const (
	MinPasswordLen = 12 // characters
	MaxPasswordLen = 72 // bytes
)

// PasswordCost is the bcrypt cost of new password hashes: about 0.3 s per
// hash or check on one core of a 2020s server, which is slow for a guesser
// and barely noticed at sign-in.
const PasswordCost = 12

// dummyHash is a bcrypt hash, at PasswordCost, of a random password that
// was thrown away. Checking a password against it costs what checking a
// real one does, so that a sign-in with an unknown name or a user without a
// password takes as long as one with a wrong password.
const dummyHash = "$2a$12$nc4fyozyKVFDdwpLcy3G9.e3xyaBObDSrNoW7Mnnbo1vl.1EAaYJa"

// ErrBadCredentials is returned by Login for an unknown user, a user who
// has no password, and a wrong password alike, so that a guesser learns
// nothing about which names exist.
var ErrBadCredentials = errors.New("wrong user name or password")

// newSecret returns 32 random bytes in base64url.
func newSecret() string {
	b := make([]byte, secretBytes)
	rand.Read(b) // never fails: crypto/rand crashes the program rather than return weak bytes
	return base64.RawURLEncoding.EncodeToString(b)
}

// validSecret reports whether s has the form newSecret gives.
func validSecret(s string) bool {
	if len(s) != secretLen {
		return false
	}
	b, err := base64.RawURLEncoding.Strict().DecodeString(s)
	return err == nil && len(b) == secretBytes
}

// NewToken returns a new API token: the secret, to show its owner once,
// and its hash, to store.
func NewToken() (secret string, hash []byte) {
	secret = TokenPrefix + newSecret()
	return secret, HashSecret(secret)
}

// HashSecret returns the SHA-256 of a token or session secret: what the
// store keeps and looks up.
func HashSecret(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}

// ParseBearer reads the token out of an Authorization header's value
// ("Bearer sitrep_…"). The scheme's case does not matter; the token must
// have the form NewToken gives.
func ParseBearer(header string) (string, error) {
	scheme, token, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", errors.New(`authorization: expected "Bearer" and an API token`)
	}
	token = strings.TrimLeft(token, " ")
	if !strings.HasPrefix(token, TokenPrefix) || !validSecret(token[len(TokenPrefix):]) {
		return "", errors.New("authorization: not a sitrep API token")
	}
	return token, nil
}

// ValidatePassword reports what is wrong with a new password: too short
// to resist guessing, or too long for bcrypt.
func ValidatePassword(password string) error {
	if n := utf8.RuneCountInString(password); n < MinPasswordLen {
		return fmt.Errorf("password: %d characters, want at least %d", n, MinPasswordLen)
	}
	if len(password) > MaxPasswordLen {
		return fmt.Errorf("password: %d bytes, want at most %d", len(password), MaxPasswordLen)
	}
	return nil
}

// HashPassword returns the bcrypt hash of a password that
// ValidatePassword accepts.
func HashPassword(password string) ([]byte, error) {
	if err := ValidatePassword(password); err != nil {
		return nil, err
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), PasswordCost)
	if err != nil {
		return nil, fmt.Errorf("password: %w", err)
	}
	return h, nil
}

// CheckPassword reports whether password matches hash. An empty hash (a
// user without a password) never matches, nor does a password longer than
// MaxPasswordLen (bcrypt would compare only its first 72 bytes), but both
// cost a full check all the same.
func CheckPassword(hash []byte, password string) bool {
	if len(hash) == 0 || len(password) > MaxPasswordLen {
		_ = bcrypt.CompareHashAndPassword([]byte(dummyHash), []byte(password))
		return false
	}
	return bcrypt.CompareHashAndPassword(hash, []byte(password)) == nil
}
