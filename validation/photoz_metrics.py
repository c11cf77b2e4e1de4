import csv, sys, statistics
def metrics(path, ids=None):
    rows=[r for r in csv.DictReader(open(path)) if ids is None or r['id'] in ids]
    d=[]; c68=c95=0; lowz=0
    for r in rows:
        zs=float(r['spec_z']); zp=float(r['z_p50'])
        dz=(zp-zs)/(1+zs); d.append(dz)
        c68+= float(r['z_p16'])<=zs<=float(r['z_p84']); c95+= float(r['z_p2_5'])<=zs<=float(r['z_p97_5'])
        if abs(dz)>0.15 and zp<1: lowz+=1
    n=len(d); out=sum(abs(x)>0.15 for x in d)
    return dict(n=n, bias=statistics.median(d), nmad=1.48*statistics.median([abs(x) for x in d]), outliers=out/n,
                cov68=c68/n, cov95=c95/n, outliers_below_z1=lowz/max(out,1))
if __name__=='__main__':
    ids=None
    if len(sys.argv)>2:
        ids={r['id'] for r in csv.DictReader(open(sys.argv[2]))}
    m=metrics(sys.argv[1], ids)
    print(' '.join(f"{k}={v:.4f}" if isinstance(v,float) else f"{k}={v}" for k,v in m.items()))
