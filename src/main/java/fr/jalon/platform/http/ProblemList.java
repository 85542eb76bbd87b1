package fr.jalon.platform.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import fr.jalon.platform.validation.FieldError;

/**
 * The problems of one input, bounded: after {@link #MAX} the next ones are only counted, so a
 * huge faulty file cannot exhaust memory with its report. The answer says how many more there were.
 */
public final class ProblemList extends ArrayList<FieldError> {

    /** Problems listed at most; the rest are counted. */
    public static final int MAX = 1_000;

    private long more;

    public ProblemList() {
        super();
    }

    public ProblemList(Collection<FieldError> first) {
        super();
        addAll(first);
    }

    @Override
    public boolean add(FieldError error) {
        if (size() >= MAX) {
            more++;
            return true;
        }
        return super.add(error);
    }

    @Override
    public boolean addAll(Collection<? extends FieldError> errors) {
        errors.forEach(this::add);
        if (errors instanceof ProblemList other) {
            more += other.more;
        }
        return !errors.isEmpty();
    }

    /** Problems found beyond the {@link #MAX} listed. */
    public long more() {
        return more;
    }

    /** « 1 000 problèmes listés, et 4 200 autres non listés » — for the detail of an answer. */
    public static String summary(List<FieldError> errors) {
        long more = errors instanceof ProblemList list ? list.more : 0;
        return more == 0 ? errors.size() + " problèmes, listés ligne par ligne"
                : (errors.size() + more) + " problèmes : les " + errors.size() + " premiers sont listés, "
                        + more + " autres ne le sont pas";
    }
}
