package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/sitrep/sitrep/auth"
	"github.com/sitrep/sitrep/store"
)

// registerAdmin adds the admin's page: who may use the desk, with what
// role, and API tokens issued to them. Adding and removing users, and
// passwords, stay with `sitrep user` on the server's machine.
func (h *Handler) registerAdmin() {
	h.handle("GET /admin/users", auth.Admin, h.users)
	h.handle("POST /admin/users/{name}/role", auth.Admin, h.setRole)
	h.handle("POST /admin/users/{name}/tokens", auth.Admin, h.issueToken)
}

// adminTokenDays is how long a token issued from the page lasts.
const adminTokenDays = 365

// usersView is the admin's page.
type usersView struct {
	Users []store.User
	// Issued is a token just issued, shown once, and whom it is for.
	Issued, IssuedFor string
	Error             string
}

var roleNames = []string{store.RoleViewer, store.RoleEditor, store.RoleAdmin}

func (h *Handler) users(w http.ResponseWriter, r *http.Request) {
	h.renderUsers(w, r, http.StatusOK, usersView{})
}

func (h *Handler) renderUsers(w http.ResponseWriter, r *http.Request, status int, v usersView) {
	users, err := h.store.ListUsers(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Users = users
	// A page holding a secret must not be kept by any cache.
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, status, "Users", usersPage(v))
}

// adminUser reads the user the path names; it has answered when false.
func (h *Handler) adminUser(w http.ResponseWriter, r *http.Request) (store.User, bool) {
	name := r.PathValue("name")
	u, err := h.store.User(r.Context(), name)
	if errors.Is(err, store.ErrNotFound) {
		h.notFound(w, r, fmt.Sprintf("There is no user %q.", truncate(name, 64)))
		return u, false
	}
	if err != nil {
		h.fail(w, r, err)
		return u, false
	}
	return u, true
}

func (h *Handler) setRole(w http.ResponseWriter, r *http.Request) {
	u, ok := h.adminUser(w, r)
	if !ok {
		return
	}
	role := r.PostFormValue("role")
	if _, err := auth.ParseRole(role); err != nil {
		h.renderUsers(w, r, http.StatusUnprocessableEntity, usersView{Error: err.Error()})
		return
	}
	me := auth.FromContext(r.Context())
	if strings.EqualFold(u.Name, me.User) && role != store.RoleAdmin {
		// Otherwise the last admin could lock everyone out of this page.
		h.renderUsers(w, r, http.StatusUnprocessableEntity, usersView{Error: "You cannot take the admin role from yourself; another admin, or `sitrep user role`, can."})
		return
	}
	u.Role = role
	if err := h.store.PutUser(r.Context(), u); err != nil {
		h.fail(w, r, err)
		return
	}
	h.log.Info("user role changed", "user", u.Name, "role", role, "by", me.User)
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}

func (h *Handler) issueToken(w http.ResponseWriter, r *http.Request) {
	u, ok := h.adminUser(w, r)
	if !ok {
		return
	}
	secret, hash := auth.NewToken()
	t := store.Token{Hash: hash, User: u.Name, Expires: time.Now().AddDate(0, 0, adminTokenDays)}
	if err := h.store.PutToken(r.Context(), t); err != nil {
		h.fail(w, r, err)
		return
	}
	h.log.Info("API token issued", "user", u.Name, "by", auth.FromContext(r.Context()).User)
	h.renderUsers(w, r, http.StatusOK, usersView{Issued: secret, IssuedFor: u.Name})
}
