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

/// The locale's character set, e.g. "UTF-8".
static inline const char *ssmap_codeset(void) { return nl_langinfo(CODESET); }

/// Writes one cell: a character (with any combining marks) in the given attributes and colour pair.
static inline int ssmap_put_cell(WINDOW *window, int y, int x, const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) != OK) return ERR;
    return mvwadd_wch(window, y, x, &cell);
}

#endif
