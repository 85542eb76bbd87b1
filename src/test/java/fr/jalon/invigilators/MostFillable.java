package fr.jalon.invigilators;

import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An upper bound on the places a plan can fill together: the maximum flow of a relaxation where
 * each place goes to an eligible invigilator, who takes at most one place per start time (two
 * places starting together always overlap), at most their weekly maximum per ISO week and their
 * monthly maximum per month. Every real plan is a flow of this network, so none fills more.
 */
final class MostFillable {

    private final List<int[]> edges = new ArrayList<>(); // to, capacity, reverse index, from
    private final List<List<Integer>> out = new ArrayList<>();
    private final Map<String, Integer> nodes = new HashMap<>();

    private MostFillable() {
    }

    static int of(List<Invigilator> pool, List<SeatToFill> seats) {
        MostFillable net = new MostFillable();
        int source = net.node("source");
        int sink = net.node("sink");
        for (SeatToFill seat : seats) {
            int place = net.node("seat " + seat.id());
            net.edge(source, place, 1);
            for (Invigilator who : pool) {
                if (!StaffingConstraints.eligible(who, seat)) {
                    continue;
                }
                var duty = seat.duty();
                String person = who.id().toString();
                int week = duty.date().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                int atTime = net.node(person + " " + duty.start());
                int inWeek = net.node(person + " week " + duty.date().get(IsoFields.WEEK_BASED_YEAR) + "-" + week);
                int inMonth = net.node(person + " month " + YearMonth.from(duty.date()));
                net.edgeOnce(place, atTime, 1);
                net.edgeOnce(atTime, inWeek, 1);
                net.edgeOnce(inWeek, inMonth, who.maxPerWeek());
                net.edgeOnce(inMonth, sink, who.maxPerMonth());
            }
        }
        return net.maxFlow(source, sink);
    }

    private int node(String key) {
        return nodes.computeIfAbsent(key, k -> {
            out.add(new ArrayList<>());
            return out.size() - 1;
        });
    }

    private final Set<Long> linked = new HashSet<>();

    /** One edge per pair of nodes (a week crossing two months feeds both: looser, still an upper bound). */
    private void edgeOnce(int from, int to, int capacity) {
        if (linked.add(((long) from << 32) | to)) {
            edge(from, to, capacity);
        }
    }

    private void edge(int from, int to, int capacity) {
        edges.add(new int[] {to, capacity, edges.size() + 1, from});
        out.get(from).add(edges.size() - 1);
        edges.add(new int[] {from, 0, edges.size() - 1, to});
        out.get(to).add(edges.size() - 1);
    }

    /** Ford–Fulkerson with breadth-first augmenting paths (Edmonds–Karp); the flow is at most the places. */
    private int maxFlow(int source, int sink) {
        int flow = 0;
        while (true) {
            int[] via = new int[out.size()];
            Arrays.fill(via, -1);
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(source));
            while (!queue.isEmpty() && via[sink] < 0) {
                int at = queue.poll();
                for (int e : out.get(at)) {
                    int[] edge = edges.get(e);
                    if (edge[1] > 0 && via[edge[0]] < 0 && edge[0] != source) {
                        via[edge[0]] = e;
                        queue.add(edge[0]);
                    }
                }
            }
            if (via[sink] < 0) {
                return flow;
            }
            for (int at = sink; at != source; at = edges.get(via[at])[3]) {
                int[] edge = edges.get(via[at]);
                edge[1]--;
                edges.get(edge[2])[1]++;
            }
            flow++;
        }
    }
}
