#!/usr/bin/python3
# check-binds.py SRCDIR — the one-shot store helpers take one type letter a parameter:
# sr_db_run (db, error, SQL, "it…", args…) and sr_db_get_int (db, &out, error, SQL, "it…", args…).
# Fails when the letters, the SQL's ?N and the arguments do not agree in number, or when
# an argument declared as a string is bound with 'i' (or an integer with 't'); a string
# bound as a number stores a pointer's value (contracts' clauses once did).
import glob, os, re, sys
os.chdir(sys.argv[1] if len(sys.argv) > 1 else '.')
files=sorted(glob.glob('src/**/*.c',recursive=True)+glob.glob('src/**/*.h',recursive=True))
alltext={f:open(f,encoding='utf-8').read() for f in files}
# field/var declarations
STR=set();INT=set()
decl_re=re.compile(r'\b(const\s+)?(g?char|gchar)\s*\*+\s*(const\s+)?([A-Za-z_]\w*)')
int_re=re.compile(r'\b(gint64|SrFen|int|guint|gint|gboolean|guint64|gsize|gssize|long|SrRoles|SrAction|SrOfficeKind)\s+\**([A-Za-z_]\w*)')
def split_args(s):
    args=[];depth=0;cur='';i=0;instr=False
    while i<len(s):
        c=s[i]
        if instr:
            cur+=c
            if c=='\\': cur+=s[i+1]; i+=2; continue
            if c=='"': instr=False
        elif c=='"': instr=True; cur+=c
        elif c in '([{': depth+=1; cur+=c
        elif c in ')]}':
            if depth==0: args.append(cur.strip()); return args,i
            depth-=1; cur+=c
        elif c==',' and depth==0: args.append(cur.strip()); cur=''
        else: cur+=c
        i+=1
    return args,i
def lits(a):
    return ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"',a))
problems=0
for f,t in alltext.items():
    if not f.endswith('.c'): continue
    for m in re.finditer(r'\bsr_db_(run|get_int)\s*\(',t):
        args,_=split_args(t[m.end():])
        k = 2 if m.group(1)=='run' else 3
        if len(args)<k+2: continue
        sql=lits(args[k]); fmt=args[k+1]
        if not re.fullmatch(r'"[it]*"',fmt): continue
        fmt=fmt.strip('"'); rest=args[k+2:]
        line=t[:m.start()].count('\n')+1
        nums=[int(x) for x in re.findall(r'\?(\d+)',sql)]
        nq=max(nums) if nums else sql.count('?')
        if len(rest)!=len(fmt): print(f"{f}:{line}: {len(fmt)} types but {len(rest)} args"); problems+=1
        # SQL built with a macro or a variable: the runtime check in sr-db.c covers it.
        whole = not re.search(r'[A-Za-z_]', re.sub(r'"(?:[^"\\]|\\.)*"', '', args[k]))
        if nq!=len(fmt) and whole: print(f"{f}:{line}: {len(fmt)} types but SQL uses ?{nq}"); problems+=1
        # local decls: the function text before the call
        start=t.rfind('\n{',0,m.start()); fn=t[max(0,start-3000):m.start()]
        for ty,a in zip(fmt,rest):
            if '"' in a and ty=='i': print(f"{f}:{line}: {a} bound as int but holds a string literal"); problems+=1; continue
            name=re.sub(r'^\(.*?\)\s*','',a).strip()
            if '?' in name and ':' in name: name=name.rsplit(':',1)[1].strip()
            mm=re.fullmatch(r'(?:[\w\]\[]+(?:->|\.))*([A-Za-z_]\w*)',name)
            if not mm: continue
            ident=mm.group(1)
            # local first
            isstr=bool(re.search(r'\b(g?char|gchar)\s*\*+\s*(const\s+)?'+ident+r'\b',fn)) or bool(re.search(r'\bg_autofree\s+char\s*\*\s*'+ident+r'\b',fn))
            isint=bool(re.search(r'\b(gint64|SrFen|int|guint|gint|gboolean|guint64|gsize)\s+(\w+\s*(=[^,;]*)?,\s*)*\**'+ident+r'\b',fn))
            if not isstr and not isint and ('->' in name or '.' in name):
                # struct field: search headers
                for h,ht in alltext.items():
                    if re.search(r'\b(g?char)\s*\*+\s*'+ident+r'\s*;',ht): isstr=True
                    if re.search(r'\b(gint64|SrFen|int|guint|gint|gboolean)\s+'+ident+r'\s*;',ht): isint=True
            if ty=='i' and isstr and not isint: print(f"{f}:{line}: {a} bound as int but is a string"); problems+=1
            if ty=='t' and isint and not isstr: print(f"{f}:{line}: {a} bound as text but is an int"); problems+=1
print(f"{problems} problems")
sys.exit(1 if problems else 0)
