package ledger

// A feasible integral circulation with lower and upper bounds on a small
// graph (Cox's controlled rounding of a two-way table as a network flow).

type fedge struct {
	to, rev int
	cap     int64
}

type flowGraph struct {
	adj  [][]fedge
	seen []bool
}

func newFlowGraph(n int) *flowGraph { return (&flowGraph{}).reset(n) }

// reset empties the graph for n nodes, keeping its memory (the builder
// solves one small graph per row).
func (g *flowGraph) reset(n int) *flowGraph {
	for len(g.adj) < n {
		g.adj = append(g.adj, nil)
	}
	g.adj = g.adj[:n]
	for i := range g.adj {
		g.adj[i] = g.adj[i][:0]
	}
	if cap(g.seen) < n {
		g.seen = make([]bool, n)
	}
	g.seen = g.seen[:n]
	return g
}

func (g *flowGraph) addEdge(u, v int, c int64) (int, int) {
	g.adj[u] = append(g.adj[u], fedge{v, len(g.adj[v]), c})
	g.adj[v] = append(g.adj[v], fedge{u, len(g.adj[u]) - 1, 0})
	return u, len(g.adj[u]) - 1
}

// maxflow pushes flow from s to t by augmenting paths (DFS); graphs here
// have a few dozen nodes.
func (g *flowGraph) maxflow(s, t int) int64 {
	var total int64
	for {
		seen := g.seen
		clear(seen)
		f := g.dfs(s, t, 1<<62, seen)
		if f == 0 {
			return total
		}
		total += f
	}
}

func (g *flowGraph) dfs(u, t int, f int64, seen []bool) int64 {
	if u == t {
		return f
	}
	seen[u] = true
	for i := range g.adj[u] {
		e := &g.adj[u][i]
		if e.cap > 0 && !seen[e.to] {
			if d := g.dfs(e.to, t, min(f, e.cap), seen); d > 0 {
				e.cap -= d
				g.adj[e.to][e.rev].cap += d
				return d
			}
		}
	}
	return 0
}

// boundedEdge is an edge of a circulation with bounds [lo, hi].
type boundedEdge struct {
	u, v   int
	lo, hi int64
	at     [2]int // position of the residual edge
}

// circulate finds integral flows within every edge's bounds that conserve
// flow at every node, or reports false. Flows are returned in edge order.
func circulate(n int, es []boundedEdge) ([]int64, bool) {
	return circulateIn(newFlowGraph(n+2), n, es)
}

// circulateIn is circulate on g's memory.
func circulateIn(g *flowGraph, n int, es []boundedEdge) ([]int64, bool) {
	g.reset(n + 2)
	s, t := n, n+1
	excess := make([]int64, n)
	for i := range es {
		e := &es[i]
		u, k := g.addEdge(e.u, e.v, e.hi-e.lo)
		e.at = [2]int{u, k}
		excess[e.v] += e.lo
		excess[e.u] -= e.lo
	}
	var need int64
	for v, x := range excess {
		if x > 0 {
			g.addEdge(s, v, x)
			need += x
		} else if x < 0 {
			g.addEdge(v, t, -x)
		}
	}
	if g.maxflow(s, t) != need {
		return nil, false
	}
	out := make([]int64, len(es))
	for i, e := range es {
		r := g.adj[e.at[0]][e.at[1]]
		out[i] = e.lo + (e.hi - e.lo - r.cap)
	}
	return out, true
}
