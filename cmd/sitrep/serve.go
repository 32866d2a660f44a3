package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/sitrep/sitrep/api"
	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
	"github.com/sitrep/sitrep/web"
)

type serveCmd struct {
	Addr string `help:"Address to listen on. The default is reachable from this machine only." default:"127.0.0.1:8080"`
	serveFlags
}

// serveFlags are the access settings shared by serve and demo.
type serveFlags struct {
	OpenRead        bool `help:"Let anyone who reaches the address read pages, the API and exports without signing in. Writing always needs an editor."`
	InsecureCookies bool `help:"Send the session cookie without the Secure flag, for a desk served over plain HTTP to a name other than localhost (browsers treat localhost and 127.0.0.1 as secure already). Prefer TLS in front."`
}

func (c *serveCmd) Run(e *env) error {
	// Serving a database that does not exist would create an empty one and
	// answer every query with nothing: almost always a mistyped --db.
	if _, err := os.Stat(e.db); err != nil {
		return fmt.Errorf("database %s: %w (ingest articles first, or give --db)", e.db, err)
	}
	db, err := sqlite.Open(e.ctx, e.db)
	if err != nil {
		return err
	}
	defer db.Close()
	if !c.OpenRead {
		users, err := db.ListUsers(e.ctx)
		if err != nil {
			return err
		}
		if len(users) == 0 {
			fmt.Fprintf(e.stderr, "sitrep: %s has no users and reading is closed: add one with `sitrep user add NAME --role admin`, or serve with --open-read\n", e.db)
		}
	}
	return serve(e, db, c.Addr, c.serveFlags)
}

// desk is the whole server: the API, with the pages mounted beside it,
// behind the authenticator.
type desk struct {
	http.Handler
	api *api.Server
	web *web.Handler
}

func newDesk(st store.Store, log *slog.Logger, f serveFlags) desk {
	a := auth.New(st, auth.Options{OpenRead: f.OpenRead, InsecureCookies: f.InsecureCookies, Log: log})
	d := desk{api: api.New(st, log, api.Options{Auth: a}), web: web.New(st, log, web.Options{Auth: a})}
	d.api.Handle("/", d.web)
	d.Handler = d.api
	return d
}

// serve runs the API and the pages until the context ends, then lets
// requests in flight finish.
func serve(e *env, st store.Store, addr string, f serveFlags) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           newDesk(st, e.log, f),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
		ErrorLog:          nil,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	fmt.Fprintf(e.stdout, "sitrep: serving %s at http://%s/ (API: http://%s/api/articles)\n", e.db, ln.Addr(), ln.Addr())
	select {
	case err := <-done:
		return err
	case <-e.ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
