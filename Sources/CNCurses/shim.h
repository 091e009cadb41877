// The parts of ncursesw that Swift cannot import by itself: macros and global
// variables, wrapped as functions.
#ifndef SSMAP_CNCURSES_SHIM_H
#define SSMAP_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

static inline attr_t ssmap_attr_normal(void) { return A_NORMAL; }
static inline attr_t ssmap_attr_bold(void) { return A_BOLD; }
static inline attr_t ssmap_attr_reverse(void) { return A_REVERSE; }
static inline attr_t ssmap_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t ssmap_attr_dim(void) { return A_DIM; }

static inline int ssmap_colors(void) { return COLORS; }
static inline int ssmap_color_pairs(void) { return COLOR_PAIRS; }

static inline int ssmap_key_resize(void) { return KEY_RESIZE; }
static inline int ssmap_key_mouse(void) { return KEY_MOUSE; }
static inline int ssmap_key_f(int n) { return KEY_F(n); }

static inline mmask_t ssmap_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t ssmap_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t ssmap_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t ssmap_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t ssmap_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t ssmap_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t ssmap_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t ssmap_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

/// A screen on standard output and input: Swift 6 cannot read C's stdout and stdin
/// globals. Unlike initscr, newterm returns NULL for an unusable TERM instead of ending
/// the process.
static inline SCREEN *ssmap_newterm(void) { return newterm(NULL, stdout, stdin); }

static inline WINDOW *ssmap_stdscr(void) { return stdscr; }

/// What terminfo says of the terminal TERM names, found without writing to it or changing
/// its settings (newterm does both): 1 when it can address the cursor, so can draw a full
/// screen; 0 when it cannot (TERM=dumb, or a hard-copy terminal); -1 when terminfo has no
/// usable entry (unknown, or generic such as TERM=unknown); -2 when TERM is unset or empty,
/// or there is no terminfo database.
static inline int ssmap_terminal_can_draw(int fd) {
    int status = 0;
    int result = setupterm(NULL, fd, &status);
    int canDraw = 0;
    if (result == OK) {
        const char *address = tigetstr("cup");
        canDraw = address != NULL && address != (char *)-1 && tigetflag("hc") != 1 && tigetflag("gn") != 1;
    }
    // Forgotten, so newterm starts afresh; setupterm may leave even an entry it refused
    // (a hard-copy one) current.
    TERMINAL *entry = set_curterm(NULL);
    if (entry != NULL) del_curterm(entry);
    if (result == OK) return canDraw;
    return status == 1 ? 0 : status == 0 ? -1 : -2;
}

/// The locale's character set, e.g. "UTF-8".
static inline const char *ssmap_codeset(void) { return nl_langinfo(CODESET); }

/// Writes one cell: a character (with any combining marks) in the given attributes and colour pair.
static inline int ssmap_put_cell(WINDOW *window, int y, int x, const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) != OK) return ERR;
    return mvwadd_wch(window, y, x, &cell);
}

#endif
