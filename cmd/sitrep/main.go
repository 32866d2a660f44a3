// Command sitrep turns news reporting about an unfolding conflict into a
// structured, sourced record. This package is wiring only: one file per
// subcommand, each calling the packages that do the work.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/alecthomas/kong"

	"github.com/sitrep/sitrep/fetch"
	"github.com/sitrep/sitrep/ner"
)

// cli is the command line. Global flags come first.
type cli struct {
	DB        string `help:"SQLite database file (default sitrep.db; the demo keeps its own in the temporary directory)." env:"SITREP_DB" type:"path"`
	LogLevel  string `help:"Log level: debug, info, warn, error." default:"info" enum:"debug,info,warn,error"`
	LogFormat string `help:"Log format: text or json." default:"text" enum:"text,json"`

	Demo    demoCmd    `cmd:"" help:"Ingest the bundled sample corpus and serve it on 127.0.0.1:8080."`
	Ingest  ingestCmd  `cmd:"" help:"Fetch or read articles, extract and annotate them, and store them."`
	Extract extractCmd `cmd:"" help:"Run the pipeline on articles and print the extraction contract, storing nothing."`
	Serve   serveCmd   `cmd:"" help:"Serve the JSON API over the database."`

	Stories   storiesCmd   `cmd:"" help:"List the stories in the database, latest first."`
	Incidents incidentsCmd `cmd:"" help:"List the incidents of a story, each with its reports."`
	Tally     tallyCmd     `cmd:"" help:"Show a story's killed, wounded and strikes with their sources and history."`
	Reprocess reprocessCmd `cmd:"" help:"Rerun the pipeline on stored articles after a model change, keeping earlier layers."`
	Export    exportCmd    `cmd:"" help:"Write incidents with their reviews as ACLED or UCDP CSV, JSON Lines or GeoJSON."`
	User      userCmd      `cmd:"" help:"Manage users of the desk and the API: roles, API tokens, passwords."`

	Eval    evalCmd    `cmd:"" help:"Score sitrep against gold data."`
	Train   trainCmd   `cmd:"" help:"Train sitrep's models from gold data."`
	Version versionCmd `cmd:"" help:"Print the version of sitrep and of its pipeline."`
}

// env is what every subcommand gets: the context, the logger and the streams.
type env struct {
	ctx    context.Context
	log    *slog.Logger
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	db     string // the database file
	dbSet  bool   // whether --db or SITREP_DB named it
}

// exitError carries an exit status out of a subcommand that has already
// reported its problem.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: tests call it with their own streams.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	// kong exits after printing --help; turn that into a return so tests and
	// deferred closes still run.
	defer func() {
		if r := recover(); r != nil {
			ke, ok := r.(kongExit)
			if !ok {
				panic(r)
			}
			code = int(ke)
		}
	}()
	var c cli
	parser, err := kong.New(&c,
		kong.Name("sitrep"),
		kong.Description("sitrep turns news reporting about an unfolding conflict into a structured, sourced record."),
		kong.UsageOnError(),
		kong.Writers(stdout, stderr),
		kong.Exit(func(code int) { panic(kongExit(code)) }),
		kong.Vars{"user_agent": fetch.DefaultUserAgent, "ner_epochs": strconv.Itoa(ner.DefaultEpochs), "ner_seed": strconv.Itoa(ner.DefaultSeed)},
	)
	if err != nil {
		fmt.Fprintln(stderr, "sitrep:", err)
		return 2
	}
	kctx, err := parser.Parse(args)
	if err != nil {
		fmt.Fprintln(stderr, "sitrep:", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{ctx: ctx, log: newLogger(stderr, c.LogLevel, c.LogFormat), stdin: stdin, stdout: stdout, stderr: stderr, db: c.DB, dbSet: c.DB != ""}
	if !e.dbSet {
		e.db = "sitrep.db"
	}
	if err := kctx.Run(e); err != nil {
		var ee exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		fmt.Fprintln(stderr, "sitrep:", err)
		return 1
	}
	return 0
}

// kongExit is the status kong asked to exit with.
type kongExit int

func newLogger(w io.Writer, level, format string) *slog.Logger {
	var l slog.Level
	_ = l.UnmarshalText([]byte(level))
	opts := &slog.HandlerOptions{Level: l}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
