package auth

import (
	"context"
	"fmt"
)

// Role is what a person may do at the desk. Roles are ordered: each may do
// what the ones below it may.
type Role int

const (
	// Anonymous is nobody signed in. It may read only where the server
	// was started with reading open to anonymous viewers.
	Anonymous Role = iota
	// Viewer may read every page and export.
	Viewer
	// Editor may also review incidents: accept, correct, reject, merge, split.
	Editor
	// Admin may also manage users and tokens.
	Admin
)

func (r Role) String() string {
	switch r {
	case Anonymous:
		return "anonymous"
	case Viewer:
		return "viewer"
	case Editor:
		return "editor"
	case Admin:
		return "admin"
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// ParseRole reads a role's name; anonymous is not a role one can be given.
func ParseRole(s string) (Role, error) {
	switch s {
	case "viewer":
		return Viewer, nil
	case "editor":
		return Editor, nil
	case "admin":
		return Admin, nil
	}
	return Anonymous, fmt.Errorf("role %q: expected viewer, editor or admin", s)
}

// Principal is who makes a request.
type Principal struct {
	User string // "" when anonymous
	Role Role
	// CSRF is the token a signed-in browser session must send back with
	// every form; empty for bearer-token and anonymous requests, which
	// carry no cookie a forged request could ride on.
	CSRF string
	// Session is set when the principal came from a session cookie (and
	// so needs a CSRF token on every write), not from an API token.
	Session bool
}

type principalKey struct{}

// WithPrincipal returns ctx carrying p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// FromContext returns the principal a request was made by; anonymous when
// none was recorded.
func FromContext(ctx context.Context) Principal {
	p, _ := ctx.Value(principalKey{}).(Principal)
	return p
}
