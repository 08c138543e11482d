package io.tripline.simulator.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The inside of one {@code ${...}}: alternatives separated by {@code |}, the first one that is
 * defined wins. An alternative is a quoted literal ({@code 'us-east-1'}), a generator
 * ({@code hex:32}, {@code upper:16}, {@code digits:12}, {@code uuid}, {@code time:iso},
 * {@code time:legacy+1h}, ...) or a dotted variable path ({@code params.bucketName},
 * {@code actors.attacker.arn}, {@code trail.bucket}).
 */
public record Expression(String source, List<Alternative> alternatives) {

  public sealed interface Alternative {}

  public record Quoted(String text) implements Alternative {}

  /** An unquoted JSON literal: a number, true, false, [] or {}. */
  public record Literal(JsonNode value) implements Alternative {}

  /** A generator with its argument parsed once: a length, a range, or a time format and offset. */
  public record Generator(String name, String argument, int length, long min, long max, String format, java.time.Duration offset) implements Alternative {

    /** Longest value {@code hex:N}, {@code upper:N}, {@code base64:N} and {@code digits:N} may ask for. */
    public static final int MAX_LENGTH = 4096;

    /** The generator; a bad argument is an {@link IllegalArgumentException} saying what is expected. */
    static Generator of(String name, String argument) {
      int length = 0;
      long min = 0;
      long max = 0;
      String format = null;
      java.time.Duration offset = java.time.Duration.ZERO;
      switch (name) {
        case "hex", "upper", "base64", "digits" -> length = Expression.length(name, argument);
        case "int" -> {
          int dash = argument.indexOf('-', 1);
          try {
            if (dash < 0) {
              throw new NumberFormatException();
            }
            min = Long.parseLong(argument.substring(0, dash));
            max = Long.parseLong(argument.substring(dash + 1));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad ${int:" + argument + "}; expected int:MIN-MAX with whole numbers, e.g. ${int:1-100}");
          }
          if (min > max || max - min < 0 || max == Long.MAX_VALUE) {
            throw new IllegalArgumentException("bad ${int:" + argument + "}; MIN must not be greater than MAX (and MAX below " + Long.MAX_VALUE + ")");
          }
        }
        case "time" -> {
          int plus = argument.indexOf('+');
          format = plus < 0 ? argument : argument.substring(0, plus);
          if (plus >= 0) {
            String d = argument.substring(plus + 1);
            offset = null;
            try {
              offset = d.endsWith("d") ? java.time.Duration.ofDays(Long.parseLong(d.substring(0, d.length() - 1)))
                  : Durations.parse(Template.NODES.textNode(d));
            } catch (NumberFormatException | ArithmeticException e) {
              offset = null;
            }
            String wrong = offset == null ? "not a duration" : Durations.problem(offset);
            if (wrong != null) {
              throw new IllegalArgumentException("bad time offset '" + d + "' in ${time:" + argument + "}: " + wrong + "; expected e.g. +1h or +2d");
            }
          }
        }
        case "uuid" -> { }
        default -> throw new IllegalArgumentException("unknown generator '" + name + "'; known: uuid, hex:N, upper:N, base64:N, int:MIN-MAX, time:FORMAT[+OFFSET]");
      }
      return new Generator(name, argument, length, min, max, format, offset);
    }
  }

  private static int length(String name, String argument) {
    int n;
    try {
      n = Integer.parseInt(argument);
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > Generator.MAX_LENGTH) {
      throw new IllegalArgumentException("bad ${" + name + ":" + argument + "}; the length must be a whole number between 1 and "
          + Generator.MAX_LENGTH + " (Tripline's limit)");
    }
    return n;
  }

  public record Path(String root, String[] rest) implements Alternative {}

  public static Expression parse(String source) {
    List<Alternative> alts = new ArrayList<>();
    for (String raw : source.split("\\|")) {
      String a = raw.trim();
      if (a.length() >= 2 && a.startsWith("'") && a.endsWith("'")) {
        alts.add(new Quoted(a.substring(1, a.length() - 1)));
      } else if (a.matches("-?[0-9]+(\\.[0-9]+)?")) {
        alts.add(new Literal(a.contains(".") ? Template.NODES.numberNode(new java.math.BigDecimal(a)) : Template.NODES.numberNode(Long.parseLong(a))));
      } else if (a.equals("true") || a.equals("false")) {
        alts.add(new Literal(Template.NODES.booleanNode(a.equals("true"))));
      } else if (a.equals("[]")) {
        alts.add(new Literal(Template.NODES.arrayNode()));
      } else if (a.equals("{}")) {
        alts.add(new Literal(Template.NODES.objectNode()));
      } else if (a.contains(":")) {
        int c = a.indexOf(':');
        alts.add(Generator.of(a.substring(0, c), a.substring(c + 1)));
      } else if (a.equals("uuid")) {
        alts.add(Generator.of("uuid", ""));
      } else if (!a.isEmpty()) {
        String[] segs = a.split("\\.");
        String[] rest = new String[segs.length - 1];
        System.arraycopy(segs, 1, rest, 0, rest.length);
        alts.add(new Path(segs[0], rest));
      } else {
        throw new IllegalArgumentException("empty alternative in ${" + source + "}");
      }
    }
    return new Expression(source, List.copyOf(alts));
  }

  public JsonNode evaluate(TemplateScope scope) {
    for (Alternative a : alternatives) {
      JsonNode v;
      if (a instanceof Quoted q) {
        v = Template.NODES.textNode(q.text());
      } else if (a instanceof Literal l) {
        v = l.value();
      } else if (a instanceof Generator g) {
        v = scope.generate(g);
      } else {
        Path p = (Path) a;
        v = scope.lookup(p.root(), p.rest());
      }
      if (v != null && !v.isMissingNode()) {
        return v;
      }
    }
    return null;
  }
}
