# Tern -- the one Makefile.  ./Build drives it; read README.md first.
#
# Non-recursive: every folder's sources are found here by wildcard, so adding
# a file needs no edit.  Two build modes share the rules:
#   MODE=rel  -O2, objects in obj/rel, programs in build/bin, libraries in
#             build/lib, public headers in build/include (the install tree)
#   MODE=san  AddressSanitizer + UBSan, objects in obj/san, output in
#             build/san; what ./Build test runs
#   MODE=fuzz clang + libFuzzer, objects in obj/fuzz (./Build fuzz)
# Program folders (sendmail makemap praliases mailstats pop3d) become a
# program when they hold a main.c: main.o is linked with an archive of the
# folder's other objects, so unit tests can link the same code.

MODE	?= rel
CC	?= cc

# BUILDTAG=x keeps a second tree of the same mode apart (obj/san-x, build/san-x).
TAGSFX	:= $(if $(BUILDTAG),-$(BUILDTAG))
ifeq ($(MODE),san)
OBJ	:= obj/san$(TAGSFX)
OUT	:= build/san$(TAGSFX)
MODEFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
else ifeq ($(MODE),fuzz)
OBJ	:= obj/fuzz$(TAGSFX)
OUT	:= build/fuzz$(TAGSFX)
MODEFLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
	-fno-omit-frame-pointer
else
OBJ	:= obj/rel$(TAGSFX)
OUT	:= build$(if $(BUILDTAG),/rel$(TAGSFX))
MODEFLAGS := -O2 -g
endif

WARN	:= -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wpointer-arith -Wformat=2
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(MODEFLAGS) -I. -MMD -MP \
	$(CFLAGS)
# full RELRO: the GOT is read-only after start-up, and symbols are bound
# once in the daemon rather than again in every forked session
ALL_LDFLAGS := $(MODEFLAGS) -Wl,-z,relro,-z,now $(LDFLAGS)
SYSLIBS	:= -ldb -lresolv -lpthread $(LDLIBS)

# ---- libsm -----------------------------------------------------------------
LIBSM_SRC := $(wildcard libsm/*.c)
LIBSM_OBJ := $(LIBSM_SRC:%.c=$(OBJ)/%.o)
LIBSM	:= $(OUT)/lib/libsm.a
LIBSM_HDR := $(patsubst libsm/%.h,$(OUT)/include/sm/%.h,$(wildcard libsm/*.h))

# ---- programs ----------------------------------------------------------------
# A folder with sources gets an archive (for unit tests); with a main.c also
# a program.
CODEDIRS := $(foreach d,sendmail makemap praliases mailstats pop3d,\
	$(if $(filter-out $(d)/main.c,$(wildcard $(d)/*.c)),$(d)))
PROGDIRS := $(foreach d,sendmail makemap praliases mailstats pop3d,\
	$(if $(wildcard $(d)/main.c),$(d)))
PROGS	:= $(PROGDIRS:%=$(OUT)/bin/%)
PROGLIBS := $(CODEDIRS:%=$(OBJ)/lib%.a)
# sendmail's other names: a link selects the mode
SM_LINKS := $(if $(filter sendmail,$(PROGDIRS)),\
	$(addprefix $(OUT)/bin/,mailq newaliases hoststat purgestat))

define librules
$(1)_SRC := $$(filter-out $(1)/main.c,$$(wildcard $(1)/*.c))
$(1)_OBJ := $$($(1)_SRC:%.c=$$(OBJ)/%.o)
$$(OBJ)/lib$(1).a: $$($(1)_OBJ)
	@mkdir -p $$(@D)
	rm -f $$@ && $$(AR) rcs $$@ $$^
endef
# The tools (makemap, mailstats ...) read sendmail.cf too: every program may
# use sendmail's archive; only the objects it needs are pulled in.
SMLIB	:= $(if $(filter sendmail,$(CODEDIRS)),$(OBJ)/libsendmail.a)
define progrules
$$(OUT)/bin/$(1): $$(OBJ)/$(1)/main.o $$(if $$($(1)_SRC),$$(OBJ)/lib$(1).a) \
		$$(if $$(filter-out sendmail,$(1)),$$(SMLIB)) $$(LIBSM)
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_LDFLAGS) -o $$@ $$^ $$(SYSLIBS)
endef
$(foreach d,$(CODEDIRS),$(eval $(call librules,$(d))))
$(foreach d,$(PROGDIRS),$(eval $(call progrules,$(d))))

# ---- tests -------------------------------------------------------------------
UNIT_SRC := $(wildcard test/unit/t_*.c)
UNIT_BIN := $(UNIT_SRC:%.c=$(OBJ)/%)
FUZZ_SRC := $(wildcard test/fuzz/fz_*.c)
REPLAY_BIN := $(FUZZ_SRC:test/fuzz/fz_%.c=$(OBJ)/test/fuzz/replay_%)
FUZZ_BIN := $(FUZZ_SRC:test/fuzz/fz_%.c=$(OBJ)/test/fuzz/fuzz_%)
HELPER_SRC := $(wildcard test/tools/*.c)
HELPER_BIN := $(HELPER_SRC:%.c=$(OBJ)/%)

ALL_SRC	:= $(LIBSM_SRC) $(foreach d,$(CODEDIRS) $(PROGDIRS),$(wildcard $(d)/*.c)) \
	$(UNIT_SRC) test/unit/t.c $(FUZZ_SRC) test/fuzz/replay.c $(HELPER_SRC)

.PHONY: all programs tests fuzz lint clean
.SECONDARY:
.DEFAULT_GOAL := all

all: lint $(LIBSM) $(LIBSM_HDR) programs

programs: $(PROGS) $(SM_LINKS)

tests: all $(UNIT_BIN) $(REPLAY_BIN) $(HELPER_BIN)

fuzz: $(FUZZ_BIN)

$(OBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIBSM): $(LIBSM_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^

$(OUT)/include/sm/%.h: libsm/%.h
	@mkdir -p $(@D)
	cp $< $@

$(SM_LINKS): $(OUT)/bin/sendmail
	ln -sf sendmail $@

# Unit tests link every program archive: only what they use is pulled in.
$(OBJ)/test/unit/t_%: $(OBJ)/test/unit/t_%.o $(OBJ)/test/unit/t.o \
		$(PROGLIBS) $(LIBSM)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(SYSLIBS)

$(OBJ)/test/tools/%: $(OBJ)/test/tools/%.o $(PROGLIBS) $(LIBSM)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(SYSLIBS)

# A fuzz target is replayed over its corpus by replay.c in every mode, and
# fuzzed for real by libFuzzer in MODE=fuzz.
$(OBJ)/test/fuzz/replay_%: $(OBJ)/test/fuzz/fz_%.o $(OBJ)/test/fuzz/replay.o \
		$(PROGLIBS) $(LIBSM)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(SYSLIBS)

$(OBJ)/test/fuzz/fuzz_%: $(OBJ)/test/fuzz/fz_%.o $(PROGLIBS) $(LIBSM)
	$(CC) $(ALL_LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(SYSLIBS)

# Functions we do not use (STYLE.md, habit 4); comments may name them.
BANNED	:= strcpy|strcat|sprintf|vsprintf|gets|strtok|alloca
lint:
	@bad=$$(find libsm sendmail makemap praliases mailstats pop3d \
		libmilter test -name '*.[ch]' 2>/dev/null | \
		xargs -r grep -nE '(^|[^_[:alnum:]])($(BANNED))[[:space:]]*\(' | \
		grep -vE ':[0-9]+:[[:space:]]*(/?\*|//)'); \
	if [ -n "$$bad" ]; then \
		echo "lint: banned function (see STYLE.md):"; echo "$$bad"; \
		exit 1; fi

clean:
	rm -rf obj build

-include $(ALL_SRC:%.c=$(OBJ)/%.d)
