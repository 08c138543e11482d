package io.tripline.rego.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumberValueLongRangeTest {

  @Test
  void nineteenDigitIntegerThatFitsALongIsTheSameAsTheLong() {
    NumberValue written = NumberValue.of(new BigDecimal("1451311705000000000"));
    NumberValue fromLong = NumberValue.of(1451311705000000000L);
    assertThat(written.isLong()).isTrue();
    assertThat(written).isEqualTo(fromLong);
    assertThat(written.hashCode()).isEqualTo(fromLong.hashCode());
    assertThat(NumberValue.parse("1451311705000000000")).isEqualTo(fromLong);
  }

  @Test
  void longBoundsStayLongsAndOneBeyondDoesNot() {
    assertThat(NumberValue.of(new BigDecimal(Long.MAX_VALUE)).isLong()).isTrue();
    assertThat(NumberValue.of(new BigDecimal(Long.MIN_VALUE)).isLong()).isTrue();
    assertThat(NumberValue.of(new BigDecimal("1.4513117050E+18"))).isEqualTo(NumberValue.of(1451311705000000000L));
    NumberValue beyond = NumberValue.of(new BigDecimal("9223372036854775808"));
    assertThat(beyond.isLong()).isFalse();
    assertThat(beyond).isEqualTo(NumberValue.of(Long.MAX_VALUE).add(NumberValue.ONE));
  }
}
