package auth

import (
	"bytes"
	"crypto/sha256"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

func TestNewToken(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for range 100 {
		secret, hash := NewToken()
		if !strings.HasPrefix(secret, TokenPrefix) || len(secret) != len(TokenPrefix)+43 {
			t.Fatalf("token %q: want %s and 43 base64url characters", secret, TokenPrefix)
		}
		if want := sha256.Sum256([]byte(secret)); !bytes.Equal(hash, want[:]) || !bytes.Equal(HashSecret(secret), hash) {
			t.Fatalf("hash of %q is not its SHA-256", secret)
		}
		if got, err := ParseBearer("Bearer " + secret); err != nil || got != secret {
			t.Fatalf("ParseBearer of a new token = %q, %v", got, err)
		}
		if seen[secret] {
			t.Fatalf("token %q given twice", secret)
		}
		seen[secret] = true
	}
}

func TestParseBearer(t *testing.T) {
	t.Parallel()
	tok, _ := NewToken()
	for _, c := range []struct {
		header string
		ok     bool
	}{
		{"Bearer " + tok, true},
		{"bearer " + tok, true},
		{"BEARER " + tok, true},
		{"Bearer   " + tok, true},
		{"", false},
		{"Bearer", false},
		{"Bearer ", false},
		{"Bearer" + tok, false},
		{"Basic " + tok, false},
		{" Bearer " + tok, false},
		{"Bearer " + tok + " ", false},
		{"Bearer " + tok + "\x00", false},
		{"Bearer " + tok[:len(tok)-1], false},
		{"Bearer " + tok + "A", false},
		{"Bearer " + strings.TrimPrefix(tok, TokenPrefix), false},
		{"Bearer sitrep_" + strings.Repeat("A", 42) + "=", false},
		{"Bearer sitrep_" + strings.Repeat("A", 42) + "B", false}, // not canonical base64url
		{"Bearer sitrep_" + strings.Repeat("+", 43), false},       // base64, not base64url
		{"Bearer SITREP_" + tok[len(TokenPrefix):], false},
	} {
		got, err := ParseBearer(c.header)
		if (err == nil) != c.ok {
			t.Errorf("ParseBearer(%q) = %q, %v; want ok %v", c.header, got, err, c.ok)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "authorization: ") {
			t.Errorf("ParseBearer(%q): error %q does not name the header", c.header, err)
		}
	}
}

func FuzzParseBearer(f *testing.F) {
	tok, _ := NewToken()
	for _, s := range []string{"Bearer " + tok, "bearer  " + tok, "Basic dTpw", "Bearer", "", "Bearer sitrep_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		got, err := ParseBearer(header)
		if err != nil {
			if got != "" {
				t.Errorf("ParseBearer(%q) failed but gave %q", header, got)
			}
			return
		}
		// What passes has exactly the form NewToken gives, and is the
		// header's tail.
		if !strings.HasPrefix(got, TokenPrefix) || !validSecret(got[len(TokenPrefix):]) || !strings.HasSuffix(header, got) {
			t.Errorf("ParseBearer(%q) = %q: not a token of the header", header, got)
		}
		if again, err := ParseBearer("Bearer " + got); err != nil || again != got {
			t.Errorf("ParseBearer of its own result %q = %q, %v", got, again, err)
		}
	})
}

func TestValidatePassword(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, password string
		ok             bool
	}{
		{"twelve characters", "abcdefghijkl", true},
		{"eleven characters", "abcdefghijk", false},
		{"empty", "", false},
		{"twelve multi-byte characters (24 bytes)", strings.Repeat("ña", 6), true},
		{"eleven multi-byte characters (22 bytes)", strings.Repeat("ñ", 11), false},
		{"72 bytes", strings.Repeat("p", 72), true},
		{"73 bytes", strings.Repeat("p", 73), false},
		{"36 two-byte characters (72 bytes)", strings.Repeat("ñ", 36), true},
		{"37 two-byte characters (74 bytes)", strings.Repeat("ñ", 37), false},
	} {
		err := ValidatePassword(c.password)
		if (err == nil) != c.ok {
			t.Errorf("%s: ValidatePassword = %v, want ok %v", c.name, err, c.ok)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "password: ") {
			t.Errorf("%s: error %q does not say it is about the password", c.name, err)
		}
	}
}

func TestPasswords(t *testing.T) {
	t.Parallel()
	if _, err := HashPassword("short"); err == nil {
		t.Error("HashPassword took a password ValidatePassword refuses")
	}
	// The longest password, so that a truncation would show.
	pw := strings.Repeat("p", MaxPasswordLen-1) + "q"
	h, err := HashPassword(pw)
	if err != nil {
		t.Fatal(err)
	}
	if cost, err := bcrypt.Cost(h); err != nil || cost != PasswordCost {
		t.Errorf("hash cost %d, %v; want %d", cost, err, PasswordCost)
	}
	if bytes.Contains(h, []byte(pw[:20])) {
		t.Error("the hash holds the password")
	}
	// CheckPassword reads the cost from the hash: the cheapest one will
	// do for the rest, which is slow enough under the race detector.
	if h, err = bcrypt.GenerateFromPassword([]byte(pw), bcrypt.MinCost); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, password string
		ok             bool
	}{
		{"the password", pw, true},
		{"its last byte changed", pw[:len(pw)-1] + "p", false},
		{"a byte more", pw + "x", false}, // bcrypt alone would ignore it
		{"empty", "", false},
	} {
		if got := CheckPassword(h, c.password); got != c.ok {
			t.Errorf("CheckPassword with %s = %v, want %v", c.name, got, c.ok)
		}
	}
	if CheckPassword(nil, "anything at all") || CheckPassword([]byte("not a bcrypt hash"), "anything") {
		t.Error("a missing or malformed hash matched")
	}
	if cost, err := bcrypt.Cost([]byte(dummyHash)); err != nil || cost != PasswordCost {
		t.Errorf("the dummy hash's cost %d, %v; want PasswordCost %d, so that a missing user costs what a wrong password does", cost, err, PasswordCost)
	}
}
