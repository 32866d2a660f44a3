package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
)

// userCmd manages who may use the desk and the API. Secrets (API tokens)
// are printed once, on stdout alone, so that a script can capture them;
// the database keeps only their hashes.
type userCmd struct {
	Add      userAddCmd      `cmd:"" help:"Add a user and print their first API token (shown once). Without --password-stdin the user has no password and can only use API tokens."`
	List     userListCmd     `cmd:"" help:"List users: name, role, when added, live API tokens, whether they have a password. Never prints secrets."`
	Token    userTokenCmd    `cmd:"" help:"Issue another API token to a user and print it (shown once)."`
	Role     userRoleCmd     `cmd:"" help:"Change a user's role; it applies to their next request."`
	Password userPasswordCmd `cmd:"" help:"Set a user's password for signing in at the desk, read from stdin (or asked for on a terminal), and end their sessions."`
	Remove   userRemoveCmd   `cmd:"" help:"Remove a user with their API tokens and sessions."`
}

// tokenDays is the --days flag of the commands that issue a token.
type tokenDays struct {
	Days int `help:"Days the API token is valid; 0 for a token that never expires." default:"365"`
}

func (d tokenDays) expires(now time.Time) (time.Time, error) {
	const maxDays = 100 * 365
	switch {
	case d.Days < 0 || d.Days > maxDays:
		return time.Time{}, fmt.Errorf("--days %d: give a number from 0 (never expires) to %d", d.Days, maxDays)
	case d.Days == 0:
		return time.Time{}, nil
	}
	return now.AddDate(0, 0, d.Days), nil
}

type userAddCmd struct {
	Name          string    `arg:"" help:"1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; unique regardless of case."`
	Role          string    `help:"viewer (reads), editor (also reviews incidents) or admin (also manages users)." required:"" enum:"viewer,editor,admin"`
	PasswordStdin bool      `help:"Read a password for signing in at the desk from stdin (one line, at least 12 characters). On a terminal it is asked for twice."`
	Expiry        tokenDays `embed:""`
}

func (c *userAddCmd) Run(e *env) error {
	if err := store.ValidUserName(c.Name); err != nil {
		return err
	}
	role, err := auth.ParseRole(c.Role)
	if err != nil {
		return fmt.Errorf("user %s: %w", c.Name, err)
	}
	now := time.Now()
	expires, err := c.Expiry.expires(now)
	if err != nil {
		return fmt.Errorf("user %s: %w", c.Name, err)
	}
	u := store.User{Name: c.Name, Role: role.String()}
	if c.PasswordStdin {
		if u.Password, err = readPassword(e, c.Name); err != nil {
			return err
		}
	}
	// The first user is usually added before anything is ingested, so
	// the database may be created here.
	db, err := sqlite.Open(e.ctx, e.db)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.AddUser(e.ctx, u); errors.Is(err, store.ErrExists) {
		return fmt.Errorf("user %s: already in %s (sitrep user role changes a role, sitrep user token issues a token)", c.Name, e.db)
	} else if err != nil {
		return fmt.Errorf("user %s: %w", c.Name, err)
	}
	secret, err := issueToken(e, db, c.Name, now, expires)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "sitrep: added %s (%s) to %s; %s\n", c.Name, role, e.db, tokenNotice(expires))
	fmt.Fprintln(e.stdout, secret)
	return nil
}

type userListCmd struct {
	Format string `help:"Output format: table or json." default:"table" enum:"table,json"`
}

// userJSON is a user as user list --format json writes it.
type userJSON struct {
	Name     string    `json:"name"`
	Role     string    `json:"role"`
	Created  time.Time `json:"created"`
	Tokens   int       `json:"tokens"`
	Password bool      `json:"password"`
}

func (c *userListCmd) Run(e *env) error {
	db, err := openExisting(e)
	if err != nil {
		return err
	}
	defer db.Close()
	users, err := db.ListUsers(e.ctx)
	if err != nil {
		return err
	}
	if c.Format == "json" {
		out := make([]userJSON, 0, len(users))
		for _, u := range users {
			out = append(out, userJSON{Name: u.Name, Role: u.Role, Created: u.Created, Tokens: u.Tokens, Password: len(u.Password) > 0})
		}
		return writeJSON(e.stdout, out)
	}
	if len(users) == 0 {
		fmt.Fprintln(e.stdout, "no users yet: sitrep user add NAME --role admin")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "USER\tROLE\tADDED\tTOKENS\tPASSWORD")
	for _, u := range users {
		pw := "no"
		if len(u.Password) > 0 {
			pw = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", u.Name, u.Role, u.Created.Format(time.DateOnly), u.Tokens, pw)
	}
	return tw.Flush()
}

type userTokenCmd struct {
	Name   string    `arg:"" help:"The user."`
	Expiry tokenDays `embed:""`
}

func (c *userTokenCmd) Run(e *env) error {
	now := time.Now()
	expires, err := c.Expiry.expires(now)
	if err != nil {
		return fmt.Errorf("user %s: %w", c.Name, err)
	}
	db, err := openExisting(e)
	if err != nil {
		return err
	}
	defer db.Close()
	secret, err := issueToken(e, db, c.Name, now, expires)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "sitrep: new token for %s; %s\n", c.Name, tokenNotice(expires))
	fmt.Fprintln(e.stdout, secret)
	return nil
}

type userRoleCmd struct {
	Name string `arg:"" help:"The user."`
	Role string `arg:"" help:"viewer, editor or admin." enum:"viewer,editor,admin"`
}

func (c *userRoleCmd) Run(e *env) error {
	role, err := auth.ParseRole(c.Role)
	if err != nil {
		return fmt.Errorf("user %s: %w", c.Name, err)
	}
	db, err := openExisting(e)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := findUser(e, db, c.Name)
	if err != nil {
		return err
	}
	old := u.Role
	u.Role = role.String()
	if err := db.PutUser(e.ctx, u); err != nil {
		return fmt.Errorf("user %s: %w", u.Name, err)
	}
	fmt.Fprintf(e.stdout, "%s: %s, was %s\n", u.Name, u.Role, old)
	return nil
}

type userPasswordCmd struct {
	Name string `arg:"" help:"The user."`
}

func (c *userPasswordCmd) Run(e *env) error {
	db, err := openExisting(e)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := findUser(e, db, c.Name)
	if err != nil {
		return err
	}
	if u.Password, err = readPassword(e, u.Name); err != nil {
		return err
	}
	if err := db.PutUser(e.ctx, u); err != nil {
		return fmt.Errorf("user %s: %w", u.Name, err)
	}
	// Whoever knew the old password must not stay signed in.
	n, err := db.DeleteUserSessions(e.ctx, u.Name)
	if err != nil {
		return fmt.Errorf("user %s: password set, but the sessions were not ended: %w", u.Name, err)
	}
	fmt.Fprintf(e.stdout, "%s: password set; %d session(s) ended\n", u.Name, n)
	return nil
}

type userRemoveCmd struct {
	Name string `arg:"" help:"The user."`
}

func (c *userRemoveCmd) Run(e *env) error {
	db, err := openExisting(e)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.RemoveUser(e.ctx, c.Name); errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("user %s: not in %s (see sitrep user list)", c.Name, e.db)
	} else if err != nil {
		return fmt.Errorf("user %s: %w", c.Name, err)
	}
	fmt.Fprintf(e.stdout, "%s: removed, with their tokens and sessions\n", c.Name)
	return nil
}

// findUser reads a user, saying where to look when there is none.
func findUser(e *env, db *sqlite.DB, name string) (store.User, error) {
	if err := store.ValidUserName(name); err != nil {
		return store.User{}, err
	}
	u, err := db.User(e.ctx, name)
	if errors.Is(err, store.ErrNotFound) {
		return store.User{}, fmt.Errorf("user %s: not in %s (see sitrep user list)", name, e.db)
	}
	if err != nil {
		return store.User{}, fmt.Errorf("user %s: %w", name, err)
	}
	return u, nil
}

// issueToken stores a new token of a user and returns its secret.
func issueToken(e *env, db *sqlite.DB, name string, now, expires time.Time) (string, error) {
	secret, hash := auth.NewToken()
	err := db.PutToken(e.ctx, store.Token{Hash: hash, User: name, Created: now, Expires: expires})
	if errors.Is(err, store.ErrNotFound) {
		return "", fmt.Errorf("user %s: not in %s (see sitrep user list)", name, e.db)
	}
	if err != nil {
		return "", fmt.Errorf("user %s: token: %w", name, err)
	}
	return secret, nil
}

func tokenNotice(expires time.Time) string {
	when := "never expires"
	if !expires.IsZero() {
		when = "valid until " + expires.UTC().Format(time.DateOnly)
	}
	return "API token below (" + when + "): it is shown once, keep it safe"
}

// maxPasswordInput bounds what is read for a password: far more than any
// password, far less than a mistaken file piped in.
const maxPasswordInput = 4096

// readPassword reads a new password and hashes it: from the terminal,
// asked twice without echo, or else the first line of stdin.
func readPassword(e *env, name string) ([]byte, error) {
	var pw string
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		var err error
		if pw, err = askPassword(e, f, name); err != nil {
			return nil, err
		}
	} else {
		line, err := bufio.NewReader(io.LimitReader(e.stdin, maxPasswordInput)).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("user %s: reading the password from stdin: %w", name, err)
		}
		if len(line) == maxPasswordInput && !strings.HasSuffix(line, "\n") {
			return nil, fmt.Errorf("user %s: stdin holds no line of at most %d bytes: not a password", name, maxPasswordInput)
		}
		pw = strings.TrimRight(line, "\r\n")
	}
	h, err := auth.HashPassword(pw)
	if err != nil {
		return nil, fmt.Errorf("user %s: %w", name, err)
	}
	return h, nil
}

func askPassword(e *env, f *os.File, name string) (string, error) {
	fmt.Fprintf(e.stderr, "Password for %s (at least %d characters): ", name, auth.MinPasswordLen)
	first, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(e.stderr)
	if err != nil {
		return "", fmt.Errorf("user %s: reading the password: %w", name, err)
	}
	fmt.Fprintf(e.stderr, "Again: ")
	second, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(e.stderr)
	if err != nil {
		return "", fmt.Errorf("user %s: reading the password: %w", name, err)
	}
	if string(first) != string(second) {
		return "", fmt.Errorf("user %s: the two passwords differ", name)
	}
	return string(first), nil
}
