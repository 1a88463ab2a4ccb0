#!/usr/bin/env python3
"""miniguest-cc's command line: what it refuses, with what message, and the
flags it passes on. Speaks TAP, one case per function below.

    test_miniguest_cc.py BUILD/miniguest/sdk/miniguest-cc
"""

import os
import subprocess
import sys
import tempfile


def run(cc, *args, cwd=None):
    p = subprocess.run([sys.executable, cc] + list(args), capture_output=True, text=True,
                       cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def case_no_input(cc, d):
    rc, out, err = run(cc, '-O2')
    return rc == 1 and 'no input files' in err, (rc, err)


def case_unknown_file(cc, d):
    rc, out, err = run(cc, os.path.join(d, 'notes.txt'))
    return rc == 1 and 'notes.txt: not a C or assembler file' in err, (rc, err)


def case_value_missing(cc, d):
    rc, out, err = run(cc, 'a.c', '-o')
    return rc == 1 and '-o needs a value' in err, (rc, err)


def case_c_with_o_and_two_sources(cc, d):
    rc, out, err = run(cc, '-c', '-o', 'x.o', 'a.c', 'b.c')
    return rc == 1 and '-c with -o takes one source file' in err, (rc, err)


def case_compile_error_is_the_compilers(cc, d):
    src = os.path.join(d, 'broken.c')
    with open(src, 'w') as f:
        f.write('int main(void) { return undeclared; }\n')
    rc, out, err = run(cc, '-c', src, '-o', os.path.join(d, 'broken.o'))
    return rc != 0 and 'undeclared' in err, (rc, err)


def case_defines_and_includes_reach_the_compiler(cc, d):
    os.makedirs(os.path.join(d, 'inc'), exist_ok=True)
    with open(os.path.join(d, 'inc', 'value.h'), 'w') as f:
        f.write('#define FROM_HEADER 2\n')
    src = os.path.join(d, 'ok.c')
    with open(src, 'w') as f:
        f.write('#include "value.h"\n#include <stdio.h>\n'
                '_Static_assert(FROM_FLAG + FROM_HEADER == 5, "flags");\n'
                'int f(void) { return printf("x"); }\n')
    rc, out, err = run(cc, '-c', '-I', os.path.join(d, 'inc'), '-DFROM_FLAG=3', '-O2', '-g',
                       src, '-o', os.path.join(d, 'ok.o'))
    return rc == 0 and os.path.isfile(os.path.join(d, 'ok.o')), (rc, err)


def case_help(cc, d):
    rc, out, err = run(cc, '--help')
    return rc == 0 and 'usage: miniguest-cc' in out, (rc, out)


CASES = [case_no_input, case_unknown_file, case_value_missing, case_c_with_o_and_two_sources,
         case_compile_error_is_the_compilers, case_defines_and_includes_reach_the_compiler,
         case_help]


def main(cc):
    print('1..%d' % len(CASES))
    failed = 0
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, 'notes.txt'), 'w') as f:
            f.write('not code\n')
        for i, case in enumerate(CASES, 1):
            ok, detail = case(cc, d)
            print('%s %d - %s' % ('ok' if ok else 'not ok', i, case.__name__[5:]))
            if not ok:
                failed += 1
                print('# ' + repr(detail))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
