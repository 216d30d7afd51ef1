package io.nurture;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NurtureApplication {

    public static void main(String[] args) {
        SpringApplication.run(NurtureApplication.class, args);
    }
}
