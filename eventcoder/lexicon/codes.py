"""The stable codes of lexicon problems. docs/lexicons.md lists every one of them (a test holds
the two together), so a code, once published, keeps its meaning: new kinds get new codes."""

from __future__ import annotations

# Files and their shape.
NO_SUCH_PATH = "E101"
CANNOT_READ = "E102"
NOT_A_FILE = "E103"
NOT_UTF8 = "E104"
YAML_SYNTAX = "E105"
NOT_A_MAPPING = "E106"
UNKNOWN_SECTION = "E107"
SECTION_TWICE = "E108"
SECTION_SHAPE = "E109"
TSV_COLUMNS = "E110"
TSV_NAME = "E111"
TSV_COORDINATE = "E112"
# Entries, one at a time.
ENTRY_NOT_A_MAPPING = "E201"
KEY_TWICE = "E202"
MISSING_FIELD = "E203"
UNKNOWN_FIELD = "E204"
BAD_VALUE = "E205"
PHRASE_TOO_LONG = "E206"
UNKNOWN_LANGUAGE_SECTION = "E207"
# Across entries and files.
DUPLICATE_KEY = "E301"
UNKNOWN_EVENT_TYPE = "E302"
UNKNOWN_COUNTRY = "E303"
UNKNOWN_ORGAN = "E304"
UNKNOWN_CUE_KIND = "E305"
UNKNOWN_STATUS = "E306"
UNKNOWN_ROLE = "E307"
SHARED_COUNTRY_NAME = "E308"
SECOND_MEDIATOR = "E309"
OVERLAPPING_REGIMES = "E310"
GROUP_NAME_IS_COUNTRY = "E311"
GROUP_NAME_IS_PLACE = "E312"
UNKNOWN_GENERIC_ACTOR = "E313"
# Edits of earlier folders' entries (`extend`, `remove`).
NO_SUCH_ENTRY = "E401"
NO_SUCH_ITEM = "E402"
NOT_EDITABLE = "E403"
BAD_EDIT = "E404"
# Warnings: the lexicon loads, but probably not as meant.
SHARED_TRIGGER = "W501"
SHARED_GROUP_NAME = "W502"

CODES: dict[str, str] = {
    NO_SUCH_PATH: "no such lexicon file or folder",
    CANNOT_READ: "a file or folder cannot be read (permissions, a symlink loop)",
    NOT_A_FILE: "a .yaml/.yml/.tsv name that is not a regular file (a folder, a FIFO, a device)",
    NOT_UTF8: "a file is not UTF-8",
    YAML_SYNTAX: "YAML syntax error",
    NOT_A_MAPPING: "a YAML file is not a mapping of sections",
    UNKNOWN_SECTION: "unknown top-level section",
    SECTION_TWICE: "a section is given twice in one file",
    SECTION_SHAPE: "a section is not a list of entries (language, extend, remove: not a mapping)",
    TSV_COLUMNS: "an admin1 table lacks columns",
    TSV_NAME: "an admin1 row has no name",
    TSV_COORDINATE: "an admin1 row's latitude or longitude is not a number or out of range",
    ENTRY_NOT_A_MAPPING: "an entry is not a mapping",
    KEY_TWICE: "a field is given twice in one entry",
    MISSING_FIELD: "a required field is missing",
    UNKNOWN_FIELD: "unknown field",
    BAD_VALUE: "a field has the wrong type or value",
    PHRASE_TOO_LONG: "a phrase (trigger, name, alias, word) is longer than 200 characters",
    UNKNOWN_LANGUAGE_SECTION: "unknown language sub-section",
    DUPLICATE_KEY: "two entries of one folder have the same key",
    UNKNOWN_EVENT_TYPE: "unknown event type (except_types, only_types, subsumes, third_party_call)",
    UNKNOWN_COUNTRY: "unknown country (groups, people, places)",
    UNKNOWN_ORGAN: "unknown organ (default_organ, people's organ)",
    UNKNOWN_CUE_KIND: "unknown cue kind",
    UNKNOWN_STATUS: "unknown status (a status cue's value, an event type's statuses)",
    UNKNOWN_ROLE: "a role cue's value is not a role",
    SHARED_COUNTRY_NAME: "a name is used by two countries",
    SECOND_MEDIATOR: "more than one organ is marked mediator",
    OVERLAPPING_REGIMES: "two regimes of one country overlap in time",
    GROUP_NAME_IS_COUNTRY: "a group's name or alias is a name of another country",
    GROUP_NAME_IS_PLACE: "a group's name or alias is a curated place's name",
    UNKNOWN_GENERIC_ACTOR: "unknown generic actor (stands_for, default_target)",
    NO_SUCH_ENTRY: "extend or remove names an entry that no earlier file gives",
    NO_SUCH_ITEM: "remove names an item the entry's list does not hold",
    NOT_EDITABLE: "extend or remove names a field that is not a list of the entry",
    BAD_EDIT: "an extend or remove item is malformed (no key, wrong shape)",
    SHARED_TRIGGER: "warning: a trigger is listed under two event types",
    SHARED_GROUP_NAME: "warning: two groups of one country (or one of no country) share a "
                       "name or alias on a common day",
}
