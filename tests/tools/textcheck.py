"""What the hostile-text tests (browser_lib.sh raw.py, term_cli_hostile.sh
clean.py) forbid in anything huiyi writes, defined once.

read_utf8(path): the file's text; prints where and exits 1 if it is not
UTF-8. INVISIBLE: one character that must never reach a terminal or a
text output: C1 controls (U+0080-U+009F), bidi controls, and the
invisible format characters (ZWSP, ZWJ, ZWNJ, LRM/RLM, word joiner and
invisible operators, BOM, interlinear annotation, tags).
"""
import re
import sys

INVISIBLE = re.compile('[\x80-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e'
                       '\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb'
                       '\U000e0001\U000e0020-\U000e007f]')


def read_utf8(path):
    raw = open(path, 'rb').read()
    try:
        return raw.decode('utf-8')
    except UnicodeDecodeError as e:
        print('not UTF-8 at byte %d: %r' % (e.start, raw[max(0, e.start - 30):e.start + 30]))
        sys.exit(1)
